package main

import (
	"fmt"
	"strings"
)

// nginxDirective is one directive of an nginx configuration: its name, its arguments (quotes
// removed) and, for a block directive (server, location), the directives inside it.
type nginxDirective struct {
	Name  string
	Args  []string
	Block []nginxDirective
	Line  int
}

// parseNginx reads nginx's configuration syntax: directives end with `;` or open a `{ }`
// block; `#` starts a comment outside quotes; arguments may be single- or double-quoted.
// It knows no directive's meaning, only the shape, which is all the checks need.
func parseNginx(src string) ([]nginxDirective, error) {
	toks, err := nginxTokens(src)
	if err != nil {
		return nil, err
	}
	pos := 0
	block, err := parseNginxBlock(toks, &pos, false)
	if err != nil {
		return nil, err
	}
	return block, nil
}

type nginxToken struct {
	text   string
	quoted bool
	line   int
}

func parseNginxBlock(toks []nginxToken, pos *int, nested bool) ([]nginxDirective, error) {
	var out []nginxDirective
	var cur *nginxDirective
	for *pos < len(toks) {
		t := toks[*pos]
		*pos++
		switch {
		case !t.quoted && t.text == ";":
			if cur == nil {
				return nil, fmt.Errorf("line %d: unexpected ;", t.line)
			}
			out = append(out, *cur)
			cur = nil
		case !t.quoted && t.text == "{":
			if cur == nil {
				return nil, fmt.Errorf("line %d: a block without a directive", t.line)
			}
			inner, err := parseNginxBlock(toks, pos, true)
			if err != nil {
				return nil, err
			}
			cur.Block = inner
			out = append(out, *cur)
			cur = nil
		case !t.quoted && t.text == "}":
			if !nested || cur != nil {
				return nil, fmt.Errorf("line %d: unexpected }", t.line)
			}
			return out, nil
		case cur == nil:
			cur = &nginxDirective{Name: t.text, Line: t.line}
		default:
			cur.Args = append(cur.Args, t.text)
		}
	}
	if nested {
		return nil, fmt.Errorf("a block is not closed")
	}
	if cur != nil {
		return nil, fmt.Errorf("line %d: directive %s does not end with ;", cur.Line, cur.Name)
	}
	return out, nil
}

func nginxTokens(src string) ([]nginxToken, error) {
	var toks []nginxToken
	line := 1
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == ';' || c == '{' || c == '}':
			toks = append(toks, nginxToken{text: string(c), line: line})
			i++
		case c == '"' || c == '\'':
			start := line
			var b strings.Builder
			i++
			for i < len(src) && src[i] != c {
				if src[i] == '\n' {
					line++
				}
				// As nginx reads quotes: \" \' \\ \n \r \t are escapes; any other backslash stays (regexes).
				if src[i] == '\\' && i+1 < len(src) {
					if esc, ok := map[byte]byte{'"': '"', '\'': '\'', '\\': '\\', 'n': '\n', 'r': '\r', 't': '\t'}[src[i+1]]; ok {
						b.WriteByte(esc)
						i += 2
						continue
					}
				}
				b.WriteByte(src[i])
				i++
			}
			if i >= len(src) {
				return nil, fmt.Errorf("line %d: unterminated quote", start)
			}
			i++
			toks = append(toks, nginxToken{text: b.String(), quoted: true, line: start})
		default:
			start := i
			for i < len(src) && !strings.ContainsRune(" \t\r\n;{}\"'", rune(src[i])) {
				// ${name}: a variable in nginx, or a template's placeholder (the image's entrypoint fills it in).
				if src[i] == '$' && i+1 < len(src) && src[i+1] == '{' {
					if end := strings.IndexByte(src[i:], '}'); end > 0 {
						i += end
					}
				}
				i++
			}
			toks = append(toks, nginxToken{text: src[start:i], line: line})
		}
	}
	return toks, nil
}

// nginxLocations lists every location block under the server blocks, nested ones included.
func nginxLocations(dirs []nginxDirective) []nginxDirective {
	var out []nginxDirective
	for _, d := range dirs {
		if d.Name == "location" {
			out = append(out, d)
		}
		out = append(out, nginxLocations(d.Block)...)
	}
	return out
}
