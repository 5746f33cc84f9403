// Command go-oracle renders template conformance cases with Go's own
// text/template and writes what Go printed (or the error it gave) next to each
// case. regkit's template engine is tested against that file; see
// docs/templates.md and scripts/go-oracle/run.sh.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/template"
	"time"
)

// Case is one row of the table written by cases.mjs.
type Case struct {
	Name     string          `json:"name"`
	Template string          `json:"template"`
	Data     json.RawMessage `json:"data,omitempty"`
	DataRef  string          `json:"dataRef,omitempty"` // a name in Table.Data
	Dot      string          `json:"dot,omitempty"`     // "json" (default) or "vars"
	Time     *Instant        `json:"time,omitempty"`
	TimeRef  string          `json:"timeRef,omitempty"` // a name in Table.Times
	Fns      bool            `json:"fns,omitempty"`     // put Go funcs in the dot for `call`
	Exec     string          `json:"exec,omitempty"`    // ExecuteTemplate name
	Want     *string         `json:"want,omitempty"`
	Error    *string         `json:"error,omitempty"`
}

// Table is the whole document: shared data and instants, then the cases.
type Table struct {
	Data  map[string]json.RawMessage `json:"data"`
	Times map[string]Instant         `json:"times"`
	Cases []Case                     `json:"cases"`
}

// Instant is a time.Time: Unix seconds and nanoseconds shown in a zone.
type Instant struct {
	Unix   int64   `json:"unix"`
	Nsec   int64   `json:"nsec"`
	Zone   *string `json:"zone,omitempty"`
	Offset int     `json:"offset"`
}

func (i Instant) Time() time.Time {
	t := time.Unix(i.Unix, i.Nsec)
	if i.Zone == nil && i.Offset == 0 {
		return t.UTC()
	}
	name := ""
	if i.Zone != nil {
		name = *i.Zone
	}
	return t.In(time.FixedZone(name, i.Offset))
}

// Vars is a struct dot, shaped like Codeship's tag variables plus a few kinds.
type Vars struct {
	Branch      string
	CommitID    string
	RepoName    string
	ServiceName string
	Timestamp   string
	Count       int
	Ratio       float64
	Ready       bool
	Time        time.Time
	hidden      string
}

// funcs are the custom functions every case can use; the test installs the same.
var funcs = template.FuncMap{
	"upper":  strings.ToUpper,
	"repeat": func(s string, n int) string { return strings.Repeat(s, n) },
	"fail":   func(msg string) (string, error) { return "", errors.New(msg) },
	"join":   func(sep string, parts ...string) string { return strings.Join(parts, sep) },
	"add":    func(a, b int) int { return a + b },
	"half":   func(f float64) float64 { return f / 2 },
	"ident":  func(x any) any { return x },
	"yesno": func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	},
	"nothing": func() any { return nil },
}

var dotFuncs = map[string]any{
	"AddFn":  func(a, b int) int { return a + b },
	"FailFn": func(msg string) (string, error) { return "", errors.New(msg) },
	"JoinFn": func(sep string, parts ...string) string { return strings.Join(parts, sep) },
}

func dot(table *Table, c *Case) (any, error) {
	if c.DataRef != "" {
		c.Data = table.Data[c.DataRef]
		defer func() { c.Data = nil }()
	}
	if c.TimeRef != "" {
		t := table.Times[c.TimeRef]
		c.Time = &t
		defer func() { c.Time = nil }()
	}
	if c.Dot == "vars" {
		var v Vars
		if len(c.Data) > 0 {
			if err := json.Unmarshal(c.Data, &v); err != nil {
				return nil, err
			}
		}
		if c.Time != nil {
			v.Time = c.Time.Time()
		}
		return v, nil
	}
	var data any
	if len(c.Data) > 0 {
		if err := json.Unmarshal(c.Data, &data); err != nil {
			return nil, err
		}
	}
	if m, ok := data.(map[string]any); ok {
		if c.Time != nil {
			m["Time"] = c.Time.Time()
		}
		if c.Fns {
			for k, f := range dotFuncs {
				m[k] = f
			}
		}
	}
	return data, nil
}

func run(table *Table, c *Case) (string, error) {
	t, err := template.New("t").Funcs(funcs).Parse(c.Template)
	if err != nil {
		return "", err
	}
	d, err := dot(table, c)
	if err != nil {
		return "", fmt.Errorf("bad case data: %w", err)
	}
	var out bytes.Buffer
	if c.Exec != "" {
		err = t.ExecuteTemplate(&out, c.Exec, d)
	} else {
		err = t.Execute(&out, d)
	}
	return out.String(), err
}

func main() {
	var table Table
	if err := json.NewDecoder(os.Stdin).Decode(&table); err != nil {
		fmt.Fprintln(os.Stderr, "go-oracle: reading cases:", err)
		os.Exit(1)
	}
	seen := map[string]bool{}
	for i := range table.Cases {
		c := &table.Cases[i]
		if seen[c.Name] {
			fmt.Fprintln(os.Stderr, "go-oracle: duplicate case name:", c.Name)
			os.Exit(1)
		}
		seen[c.Name] = true
		out, err := run(&table, c)
		if err != nil {
			msg := err.Error()
			c.Error = &msg
		} else {
			c.Want = &out
		}
	}
	// One case per line keeps diffs of the committed fixture readable.
	var out bytes.Buffer
	out.WriteString("{\n\"data\": ")
	write(&out, table.Data)
	out.WriteString(",\n\"times\": ")
	write(&out, table.Times)
	out.WriteString(",\n\"cases\": [\n")
	for i, c := range table.Cases {
		write(&out, c)
		if i < len(table.Cases)-1 {
			out.WriteString(",")
		}
		out.WriteString("\n")
	}
	out.WriteString("]}\n")
	os.Stdout.Write(out.Bytes())
}

func write(out *bytes.Buffer, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(os.Stderr, "go-oracle: writing fixtures:", err)
		os.Exit(1)
	}
	out.Write(bytes.TrimRight(b.Bytes(), "\n"))
}
