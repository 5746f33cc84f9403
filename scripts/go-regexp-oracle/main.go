// Command go-regexp-oracle records how Go's regexp package (RE2 syntax) treats
// Codeship branch filters: for each pattern, whether it compiles and, if it does,
// whether regexp.MatchString finds it in each subject (searched, not anchored,
// exactly as Codeship evaluates `tag:` and `exclude:`).
//
// Usage: go run ./scripts/go-regexp-oracle IN.json OUT.json
// IN:  {"subjects": [...], "cases": [{"pattern": "...", "subjects": [...]}]}
// OUT: {"go": "go1.x", "results": [{"pattern", "error"?, "matches"?: {subject: bool}}]}
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"runtime"
)

type input struct {
	Subjects []string `json:"subjects"`
	Cases    []struct {
		Pattern  string   `json:"pattern"`
		Subjects []string `json:"subjects"`
	} `json:"cases"`
}

type result struct {
	Pattern string          `json:"pattern"`
	Error   string          `json:"error,omitempty"`
	Matches map[string]bool `json:"matches,omitempty"`
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go-regexp-oracle IN.json OUT.json")
		os.Exit(2)
	}
	raw, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var in input
	if err := json.Unmarshal(raw, &in); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out := struct {
		Go      string   `json:"go"`
		Results []result `json:"results"`
	}{Go: runtime.Version()}
	for _, c := range in.Cases {
		r := result{Pattern: c.Pattern}
		re, err := regexp.Compile(c.Pattern)
		if err != nil {
			r.Error = err.Error()
		} else {
			r.Matches = map[string]bool{}
			for _, s := range append(append([]string{}, in.Subjects...), c.Subjects...) {
				r.Matches[s] = re.MatchString(s)
			}
		}
		out.Results = append(out.Results, r)
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(os.Args[2], append(data, '\n'), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
