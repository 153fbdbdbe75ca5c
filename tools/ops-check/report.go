package main

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one failed check: where it was found and what is wrong.
type Problem struct {
	Where string // a file, or "<kustomization> Kind/namespace/name"
	Msg   string
}

func (p Problem) String() string { return p.Where + ": " + p.Msg }

// Report collects the problems and the one-line summaries of what was checked.
type Report struct {
	Problems []Problem
	Checked  []string
}

func (r *Report) Addf(where, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{Where: where, Msg: fmt.Sprintf(format, args...)})
}

func (r *Report) Merge(other *Report) {
	r.Problems = append(r.Problems, other.Problems...)
	r.Checked = append(r.Checked, other.Checked...)
}

// Has reports whether some problem's text contains every one of the fragments.
func (r *Report) Has(fragments ...string) bool {
	for _, p := range r.Problems {
		s := p.String()
		all := true
		for _, f := range fragments {
			if !strings.Contains(s, f) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

func (r *Report) String() string {
	var b strings.Builder
	for _, p := range r.Problems {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
