package dates_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"parley/dates"
)

// ref is the reference date of most cases: Saturday 15 June 2019, the date of
// the seed article.
var ref = time.Date(2019, 6, 15, 0, 0, 0, 0, time.UTC)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// show renders expressions as "span=date/precision", with "+since" when Since.
func show(text string, es []dates.Expr) string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s=%s/%s", text[e.Start:e.End], e.Date, e.Precision)
		if e.Since {
			b.WriteString("+since")
		}
	}
	return b.String()
}

func TestFind(t *testing.T) {
	tests := []struct {
		text string
		ref  string // reference date; "" is ref
		want string
	}{
		// Years.
		{text: "invaded in 2001, and", want: "2001=2001/year"},
		{text: "In 2001 the Taliban", want: "2001=2001/year"},
		{text: "talks since 2017.", want: "2017=2017/year+since"},
		{text: "Since 2017, nothing", want: "2017=2017/year+since"},
		{text: "ever since early 2017", want: "2017=2017/year+since"},
		{text: "since mid-2017", want: "2017=2017/year+since"},
		{text: "by 2020 the troops", want: "2020=2020/year"},
		{text: "in late 2018", want: "2018=2018/year"},
		{text: "until 2014", want: "2014=2014/year"},
		{text: "the end of 2018", want: "2018=2018/year"},
		{text: "the summer of 2018", want: "2018=2018/year"},
		{text: "in the summer 2018", want: "2018=2018/year"},
		{text: "between 2001 and 2005", want: "2001=2001/year; 2005=2005/year"},
		{text: "from 2001 to 2005", want: "2001=2001/year; 2005=2005/year"},
		{text: "from 2001-2005", want: "2001=2001/year; 2005=2005/year"},
		{text: "in 2019's elections", want: "2019=2019/year"},

		// Months.
		{text: "In February, Taliban representatives", want: "February=2019-02/month"},
		{text: "met in February.", want: "February=2019-02/month"},
		{text: "In May, he launched", want: "May=2019-05/month"},
		{text: "in June", want: "June=2019-06/month"},
		{text: "in August", want: "August=2018-08/month"},
		{text: "in July", want: "July=2018-07/month"},
		{text: "the February talks", want: "February=2019-02/month"},
		{text: "in february", want: "february=2019-02/month"},
		{text: "in February of this year", want: "February of this year=2019-02/month"},
		{text: "February this year", want: "February this year=2019-02/month"},
		{text: "in August last year", want: "August last year=2018-08/month"},
		{text: "in August of last year", want: "August of last year=2018-08/month"},
		{text: "last February", want: "last February=2019-02/month"},
		{text: "last June", want: "last June=2018-06/month"},
		{text: "last August", want: "last August=2018-08/month"},
		{text: "next May", want: "next May=2020-05/month"},
		{text: "next August", want: "next August=2019-08/month"},
		{text: "this August", want: "this August=2019-08/month"},
		{text: "in February 2018", want: "February 2018=2018-02/month"},
		{text: "February 2018 was", want: "February 2018=2018-02/month"},
		{text: "the May 2019 election", want: "May 2019=2019-05/month"},
		{text: "in February of 2018", want: "February of 2018=2018-02/month"},
		{text: "since May", want: "May=2019-05/month+since"},
		{text: "since mid-May", want: "May=2019-05/month+since"},
		{text: "in early March", want: "March=2019-03/month"},
		{text: "at the end of May", want: "May=2019-05/month"},
		{text: "between March and May", want: "March=2019-03/month; May=2019-05/month"},
		{text: "in March, April and May", want: "March=2019-03/month; April=2019-04/month; May=2019-05/month"},
		{text: "in May 2,000 people", want: "May=2019-05/month"},
		{text: "IN FEBRUARY", want: "FEBRUARY=2019-02/month"},
		{text: "Feb 2018", want: "Feb 2018=2018-02/month"},

		// Days.
		{text: "on 12 March 2019", want: "12 March 2019=2019-03-12/day"},
		{text: "on 12 March", want: "12 March=2019-03-12/day"},
		{text: "on the 12th of March", want: "12th of March=2019-03-12/day"},
		{text: "on 1st May", want: "1st May=2019-05-01/day"},
		{text: "on March 12, 2019,", want: "March 12, 2019=2019-03-12/day"},
		{text: "on March 12 2018", want: "March 12 2018=2018-03-12/day"},
		{text: "on March 12", want: "March 12=2019-03-12/day"},
		{text: "March 12th", want: "March 12th=2019-03-12/day"},
		{text: "on June 15", want: "June 15=2019-06-15/day"},
		{text: "on June 20", want: "June 20=2018-06-20/day"},
		{text: "on Feb. 11", want: "Feb. 11=2019-02-11/day"},
		{text: "Sept 30, 2018", want: "Sept 30, 2018=2018-09-30/day"},
		{text: "May 12", want: "May 12=2019-05-12/day"},
		{text: "on 12-14 March", want: "12-14 March=2019-03-12/day"},
		{text: "on March 12-14", want: "March 12=2019-03-12/day"},
		{text: "dated 2019-03-12.", want: "2019-03-12=2019-03-12/day"},
		{text: "at 2019-03-12T10:00Z", want: "2019-03-12=2019-03-12/day"},
		{text: "on Tuesday, March 12, 2019", want: "Tuesday, March 12, 2019=2019-03-12/day"},
		{text: "on Monday 10 June", want: "Monday 10 June=2019-06-10/day"},
		{text: "February 29, 2020", want: "February 29, 2020=2020-02-29/day"},

		// Weekdays (ref is a Saturday).
		{text: "on Monday", want: "Monday=2019-06-10/day"},
		{text: "Monday's attack", want: "Monday=2019-06-10/day"},
		{text: "said on Friday", want: "Friday=2019-06-14/day"},
		{text: "on Saturday", want: "Saturday=2019-06-15/day"},
		{text: "on Sunday", want: "Sunday=2019-06-09/day"},
		{text: "last Tuesday", want: "last Tuesday=2019-06-11/day"},
		{text: "last Saturday", want: "last Saturday=2019-06-08/day"},
		{text: "next Monday", want: "next Monday=2019-06-17/day"},
		{text: "next Saturday", want: "next Saturday=2019-06-22/day"},
		{text: "this Monday", want: "this Monday=2019-06-10/day"},
		{text: "on Monday", ref: "2019-06-10", want: "Monday=2019-06-10/day"},
		{text: "since Monday", want: "Monday=2019-06-10/day+since"},

		// Relative days.
		{text: "yesterday", want: "yesterday=2019-06-14/day"},
		{text: "Yesterday, officials", want: "Yesterday=2019-06-14/day"},
		{text: "today", want: "today=2019-06-15/day"},
		{text: "this morning", want: "this morning=2019-06-15/day"},
		{text: "this evening", want: "this evening=2019-06-15/day"},
		{text: "tonight", want: "tonight=2019-06-15/day"},
		{text: "tomorrow", want: "tomorrow=2019-06-16/day"},
		{text: "last night", want: "last night=2019-06-14/day"},
		{text: "two days ago", want: "two days ago=2019-06-13/day"},
		{text: "3 days ago", want: "3 days ago=2019-06-12/day"},
		{text: "a day ago", want: "a day ago=2019-06-14/day"},
		{text: "a week ago", want: "a week ago=2019-06-08/day"},
		{text: "two weeks ago", want: "two weeks ago=2019-06-01/day"},
		{text: "three months ago", want: "three months ago=2019-03/month"},
		{text: "eight months ago", want: "eight months ago=2018-10/month"},
		{text: "five years ago", want: "five years ago=2014/year"},

		// Relative periods.
		{text: "last week", want: "last week=2019-06/month"},
		{text: "last week", ref: "2019-06-03", want: "last week=2019-05/month"},
		{text: "last week", ref: "2019-06-08", want: "last week=2019-05/month"},
		{text: "earlier this week", ref: "2019-06-01", want: "earlier this week=2019-05/month"},
		{text: "this week", want: "this week=2019-06/month"},
		{text: "next week", ref: "2019-06-29", want: "next week=2019-07/month"},
		{text: "last month", want: "last month=2019-05/month"},
		{text: "last month", ref: "2019-01-10", want: "last month=2018-12/month"},
		{text: "next month", ref: "2019-12-10", want: "next month=2020-01/month"},
		{text: "this month", want: "this month=2019-06/month"},
		{text: "earlier this month", want: "earlier this month=2019-06/month"},
		{text: "later this month", want: "later this month=2019-06/month"},
		{text: "last year", want: "last year=2018/year"},
		{text: "last year's vote", want: "last year=2018/year"},
		{text: "since last year", want: "last year=2018/year+since"},
		{text: "this year", want: "this year=2019/year"},
		{text: "earlier this year", want: "earlier this year=2019/year"},
		{text: "next year", want: "next year=2020/year"},

		// False friends.
		{text: "you may go", want: ""},
		{text: "May God help", want: ""},
		{text: "Theresa May said", want: ""},
		{text: "in May said", want: ""},
		{text: "protesters march on", want: ""},
		{text: "The March of the Living", want: ""},
		{text: "The Long March", want: ""},
		{text: "June Carter sang", want: ""},
		{text: "an august body", want: ""},
		{text: "the Sunday Times reported", want: ""},
		{text: "on Bloody Sunday", want: ""},
		{text: "before Good Friday", want: ""},
		{text: "according to USA Today", want: ""},
		{text: "2001 people died", want: ""},
		{text: "in 2001 people died", want: ""},
		{text: "brought together 3,200 participants", want: ""},
		{text: "a total of 2001 votes", want: ""},
		{text: "a total of 2001", want: ""},
		{text: "the 2001 invasion", want: ""},
		{text: "in 2050", want: ""},
		{text: "in 1700", want: ""},
		{text: "in 1,2019", want: ""},
		{text: "in the 1990s", want: ""},
		{text: "in 2001.5", want: ""},
		{text: "in 2001%", want: ""},
		{text: "costs $2001", want: ""},
		{text: "costs £2001", want: ""},
		{text: "route A2001", want: ""},
		{text: "at 20:19", want: ""},
		{text: "over the last year", want: ""},
		{text: "in the next month", want: ""},
		{text: "the last weeks", want: ""},
		{text: "a few days ago", want: ""},
		{text: "last march", want: ""},
		{text: "in Jan", want: ""},
		{text: "on February 30", want: ""},
		{text: "2019-02-30", want: ""},
		{text: "2019-13-01", want: ""},
		{text: "12 march", want: ""},
		{text: "", want: ""},

		// A paragraph.
		{
			text: "The Taliban was overthrown in 2001. In May, he launched a four-day Loya Jirga " +
				"that brought together 3,200 participants. In February, Taliban representatives " +
				"met in Moscow. On Monday, officials said talks would resume since last year's " +
				"failure.",
			want: "2001=2001/year; May=2019-05/month; February=2019-02/month; Monday=2019-06-10/day; " +
				"last year=2018/year+since",
		},
	}
	for _, tt := range tests {
		r := ref
		if tt.ref != "" {
			r = day(tt.ref)
		}
		got := show(tt.text, dates.Find(tt.text, r))
		if got != tt.want {
			t.Errorf("Find(%q, %s):\ngot  %s\nwant %s", tt.text, r.Format("2006-01-02"), got, tt.want)
		}
	}
}

// TestFindRefTime checks that only the calendar date of ref matters.
func TestFindRefTime(t *testing.T) {
	loc := time.FixedZone("AFT", 4*3600+1800)
	r := time.Date(2019, 6, 15, 23, 59, 0, 0, loc)
	got := show("yesterday", dates.Find("yesterday", r))
	want := "yesterday=2019-06-14/day"
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func ExampleFind() {
	text := "In February, Taliban representatives met in Moscow, and on Monday since 2017."
	for _, e := range dates.Find(text, time.Date(2019, 6, 15, 0, 0, 0, 0, time.UTC)) {
		fmt.Printf("%q %s %s %v\n", text[e.Start:e.End], e.Date, e.Precision, e.Since)
	}
	// Output:
	// "February" 2019-02 month false
	// "Monday" 2019-06-10 day false
	// "2017" 2017 year true
}
