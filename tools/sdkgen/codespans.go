package main

import "strings"

// mapCodeSpans returns markdown with the text of every single-backtick inline code span replaced
// by fn(text). Fenced code blocks (``` or ~~~) and multi-backtick spans are copied unchanged: they
// hold examples in some language, not names to translate. Spans do not cross lines here.
func mapCodeSpans(markdown string, fn func(string) string) string {
	var out strings.Builder
	fenced := false
	for i, line := range strings.Split(markdown, "\n") {
		if i > 0 {
			out.WriteByte('\n')
		}
		trimmed := strings.TrimLeft(line, " ")
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fenced = !fenced
		}
		if fenced || strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			out.WriteString(line)
			continue
		}
		out.WriteString(mapLineCodeSpans(line, fn))
	}
	return out.String()
}

func mapLineCodeSpans(line string, fn func(string) string) string {
	var out strings.Builder
	for {
		open := strings.IndexByte(line, '`')
		if open < 0 {
			out.WriteString(line)
			return out.String()
		}
		run := backtickRun(line[open:])
		out.WriteString(line[:open+run])
		line = line[open+run:]
		closing := closingRun(line, run)
		if closing < 0 {
			continue // an unmatched run is literal text
		}
		if run == 1 {
			out.WriteString(fn(line[:closing]))
		} else {
			out.WriteString(line[:closing])
		}
		out.WriteString(line[closing : closing+run])
		line = line[closing+run:]
	}
}

func backtickRun(s string) int {
	n := 0
	for n < len(s) && s[n] == '`' {
		n++
	}
	return n
}

// closingRun finds the next run of exactly n backticks in s (CommonMark's rule for closing a span).
func closingRun(s string, n int) int {
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		run := backtickRun(s[i:])
		if run == n {
			return i
		}
		i += run
	}
	return -1
}
