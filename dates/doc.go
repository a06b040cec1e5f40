// Package dates finds date expressions in English news text and resolves them
// against the article's publication date (the reference date).
//
// Find is a single left-to-right pass over the bytes of the text, without
// regular expressions or per-word allocations; only the expressions it finds
// allocate. It recognises:
//
//	explicit dates   2019-03-12, 12 March 2019, 12th of March, March 12, 2019,
//	                 Tuesday, March 12 (weekday merged into the date)
//	months           February 2018, in February, February this year,
//	                 February of last year, last February, next May, mid-May
//	years            in 2001, since 2017, by 2020, mid-2018, between 2001 and 2005
//	weekdays         Monday, on Monday, last Tuesday, next Friday, this Monday
//	relative days    yesterday, today, tonight, tomorrow, last night, this morning,
//	                 two days ago, 3 days ago, a week ago
//	relative periods last/this/next week, last/this/next month, earlier/later this
//	                 month, last/this/next year, earlier this year, five years ago
//
// # Resolution
//
// Every date is resolved to a calendar value with a precision: "day"
// (YYYY-MM-DD), "month" (YYYY-MM) or "year" (YYYY).
//
//   - A month name without a year ("in August") is the most recent such month
//     not after the reference month: with a reference of 2019-06-15, August is
//     2018-08 and June is 2019-06. "last August" is the most recent one strictly
//     before the reference month; "next August" the first one strictly after;
//     "this August" is always the reference year's.
//   - A day without a year ("March 12") is the most recent such day not after
//     the reference date.
//   - A bare weekday ("on Monday", "Monday's attack") is the most recent such day
//     on or before the reference date, so "on Saturday" in a Saturday article is
//     the article's date. "last Monday" is strictly before the reference date,
//     "next Monday" strictly after it. News also uses a bare weekday for coming
//     days ("talks will resume on Monday"); Find does not read tense, so those
//     resolve to the past.
//   - A week is too coarse for a day and too fine for a year, so week
//     expressions have month precision: "last week" is the month of the
//     Thursday of the previous Monday-to-Sunday week (the month holding most of
//     its days), "next week" likewise, and "this week" / "earlier this week" the
//     month of the middle day between this week's Monday and the reference date.
//     "a week ago" and "two weeks ago" name a day and are resolved to one
//     (reference minus 7 or 14 days), with day precision.
//   - "N months ago" has month precision, "N years ago" year precision.
//
// # Spans
//
// Expr.Start and Expr.End cover the words that determine the date, and no
// more. Prepositions ("in", "on", "since", "by") and vague modifiers ("early",
// "late", "mid-", "the end of") are left out; "since" only sets Expr.Since.
// Words that change the value are kept: "last February", "earlier this month",
// "February of this year", "two days ago", "Tuesday, March 12, 2019".
//
// # False friends
//
// Ambiguous words need date-like context before they count:
//
//   - "March", "May", "April", "June" and "August" are months only when
//     capitalised and next to a day or year, after a preposition ("in", "since",
//     "until", "during", ...), after "early", "late", "mid-", "the end of", or
//     after "last", "this" or "next", or continuing a list of dates ("between
//     March and May"). "Theresa May said" and "protesters march" are not dates.
//     The other month names count on their own when capitalised ("the February
//     talks") and, lowercase, only with that context.
//   - Month abbreviations ("Feb.", "Sept") count only before a day or a year.
//   - A four-digit number is a year only between 1800 and five years after the
//     reference year, and only next to a month, after a preposition, after
//     "of" (unless a quantity: "a total of 2001"), after "mid-", a season or
//     "early"/"late", or continuing a list or range of dates. It is never a year
//     when followed by a counted noun ("in 2001 people"), or when part of a
//     larger number, an amount, a decade ("1990s") or a code.
//   - Weekdays that name things are skipped: "Sunday Times", "Bloody Sunday",
//     "Good Friday", "Super Tuesday". "USA Today" is not today.
//   - "the last year" and "the next month" are periods, not calendar units, and
//     are skipped. Decades ("in the 1990s") are skipped.
package dates
