package progress

import "time"

// SetLogInterval lets tests log every count.
func SetLogInterval(m *Meter, d time.Duration) { m.every = d }
