package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

// WebFiles names the front ends' nginx files, relative to the repository root.
type WebFiles struct {
	Conf       string // the server block (docker/nginx/web.conf)
	Headers    string // the security headers' snippet it includes (docker/nginx/security-headers.conf)
	Dockerfile string // the image that puts both in place (docker/web.Dockerfile)
}

// securityHeaderNames are the headers that only the snippet may set.
var securityHeaderNames = []string{
	"Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
}

// CheckWebHeaders: the front ends' nginx sends the security headers of one snippet, the same
// file that the launcher's static server reads (tools/platform/static-server.mjs):
//   - the snippet holds only `add_header Name "value" always;` lines and sets every header of
//     securityHeaderNames with a strict value (see checkHeaderValues);
//   - every location of the server block that serves files (neither proxies nor returns)
//     includes it, since an add_header in a location drops those of the levels above;
//   - no other add_header of the configuration sets one of those headers (two definitions drift);
//   - the Dockerfile copies the snippet to the path that the includes name.
func CheckWebHeaders(root string, files WebFiles) *Report {
	r := &Report{}
	headers, ok := readHeaderSnippet(r, root, files.Headers)
	if ok {
		checkHeaderValues(r, files.Headers, headers)
	}

	raw, err := os.ReadFile(filepath.Join(root, files.Conf))
	if err != nil {
		r.Addf(files.Conf, "%v", err)
		return r
	}
	conf, err := parseNginx(string(raw))
	if err != nil {
		r.Addf(files.Conf, "does not parse: %v", err)
		return r
	}
	base := filepath.Base(files.Headers)
	includedAt := map[string]bool{}
	var walk func(dirs []nginxDirective)
	walk = func(dirs []nginxDirective) {
		for _, d := range dirs {
			if d.Name == "add_header" && len(d.Args) > 0 && isSecurityHeader(d.Args[0]) {
				r.Addf(files.Conf, "line %d: add_header %s: set the security headers in %s only", d.Line, d.Args[0], files.Headers)
			}
			if d.Name == "include" && len(d.Args) == 1 && filepath.Base(d.Args[0]) == base {
				includedAt[d.Args[0]] = true
			}
			walk(d.Block)
		}
	}
	walk(conf)
	for _, loc := range nginxLocations(conf) {
		if servesFiles(loc) && !includes(loc, base) {
			r.Addf(files.Conf, "line %d: location %s serves files without `include .../%s`", loc.Line, strings.Join(loc.Args, " "), base)
		}
	}

	copied := copyDestinations(r, root, files.Dockerfile, files.Headers)
	if len(includedAt) == 0 {
		r.Addf(files.Conf, "includes %s nowhere", base)
	}
	for _, path := range sortedKeys(includedAt) {
		if !copied[path] {
			r.Addf(files.Dockerfile, "does not COPY %s to %s, which %s includes", files.Headers, path, files.Conf)
		}
	}
	if len(r.Problems) == 0 {
		r.Checked = append(r.Checked, files.Conf+": every location serving files sends the "+strings.Join(sortedKeys(headers), ", ")+" of "+files.Headers)
	}
	return r
}

// readHeaderSnippet returns the snippet's headers by their lower-case names.
func readHeaderSnippet(r *Report, root, path string) (map[string]string, bool) {
	raw, err := os.ReadFile(filepath.Join(root, path))
	if err != nil {
		r.Addf(path, "%v", err)
		return nil, false
	}
	dirs, err := parseNginx(string(raw))
	if err != nil {
		r.Addf(path, "does not parse: %v", err)
		return nil, false
	}
	headers := map[string]string{}
	for _, d := range dirs {
		// The static server reads the same lines; it understands this one form only.
		if d.Name != "add_header" || len(d.Args) != 3 || d.Args[2] != "always" || d.Block != nil {
			r.Addf(path, "line %d: only `add_header Name \"value\" always;` lines belong here", d.Line)
			continue
		}
		headers[strings.ToLower(d.Args[0])] = d.Args[1]
	}
	return headers, true
}

// checkHeaderValues: each header is there, with a value that does what it is for.
func checkHeaderValues(r *Report, at string, h map[string]string) {
	for _, name := range securityHeaderNames {
		if _, ok := h[strings.ToLower(name)]; !ok {
			r.Addf(at, "sets no %s", name)
		}
	}
	if v, ok := h["x-frame-options"]; ok && !strings.EqualFold(v, "DENY") {
		r.Addf(at, "X-Frame-Options %q: DENY, no page may frame the apps", v)
	}
	if v, ok := h["x-content-type-options"]; ok && v != "nosniff" {
		r.Addf(at, "X-Content-Type-Options %q: nosniff", v)
	}
	if v, ok := h["referrer-policy"]; ok && !map[string]bool{
		"no-referrer": true, "same-origin": true, "strict-origin": true, "strict-origin-when-cross-origin": true,
	}[v] {
		r.Addf(at, "Referrer-Policy %q sends full addresses to other origins", v)
	}
	if v, ok := h["permissions-policy"]; ok {
		for _, feature := range []string{"camera", "microphone", "geolocation"} {
			if !strings.Contains(v, feature+"=()") {
				r.Addf(at, "Permissions-Policy does not turn %s off (%s=())", feature, feature)
			}
		}
	}
	if v, ok := h["content-security-policy"]; ok {
		checkCSP(r, at, v)
	}
}

// checkCSP: scripts from the origin only (no inline script, no eval, no other host), no page
// may frame the app, no plugins, no <base> elsewhere.
func checkCSP(r *Report, at, policy string) {
	csp := map[string][]string{}
	for _, part := range strings.Split(policy, ";") {
		fields := strings.Fields(part)
		if len(fields) > 0 {
			csp[strings.ToLower(fields[0])] = fields[1:]
		}
	}
	scripts, ok := csp["script-src"]
	if !ok {
		scripts, ok = csp["default-src"]
	}
	if !ok {
		r.Addf(at, "Content-Security-Policy has neither script-src nor default-src")
	}
	for _, source := range scripts {
		switch strings.ToLower(source) {
		case "'self'", "'none'", "'strict-dynamic'":
		default:
			if !strings.HasPrefix(source, "'sha") && !strings.HasPrefix(source, "'nonce-") {
				r.Addf(at, "Content-Security-Policy script-src allows %s: scripts come from the app's own origin only", source)
			}
		}
	}
	if got := strings.Join(csp["frame-ancestors"], " "); got != "'none'" {
		r.Addf(at, "Content-Security-Policy frame-ancestors %q: 'none', no page may frame the apps", got)
	}
	if got := strings.Join(csp["object-src"], " "); got != "'none'" {
		r.Addf(at, "Content-Security-Policy object-src %q: 'none'", got)
	}
	if _, ok := csp["base-uri"]; !ok {
		r.Addf(at, "Content-Security-Policy has no base-uri (default-src does not cover it)")
	}
}

func isSecurityHeader(name string) bool {
	for _, n := range securityHeaderNames {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

// servesFiles: a location that neither proxies nor answers by itself serves files from root.
func servesFiles(loc nginxDirective) bool {
	for _, d := range loc.Block {
		switch d.Name {
		case "proxy_pass", "fastcgi_pass", "grpc_pass", "uwsgi_pass", "scgi_pass", "return":
			return false
		}
	}
	return true
}

func includes(loc nginxDirective, base string) bool {
	for _, d := range loc.Block {
		if d.Name == "include" && len(d.Args) == 1 && filepath.Base(d.Args[0]) == base {
			return true
		}
	}
	return false
}

// copyDestinations: where the Dockerfile's COPY instructions put source (a file path, so a
// destination ending in / gets the file's name).
func copyDestinations(r *Report, root, dockerfile, source string) map[string]bool {
	out := map[string]bool{}
	raw, err := os.ReadFile(filepath.Join(root, dockerfile))
	if err != nil {
		r.Addf(dockerfile, "%v", err)
		return out
	}
	stages, _, err := parseStages(raw)
	if err != nil {
		r.Addf(dockerfile, "does not parse: %v", err)
		return out
	}
	for _, s := range stages {
		for _, c := range s.Commands {
			cp, ok := c.(*instructions.CopyCommand)
			if !ok || cp.From != "" {
				continue
			}
			for _, src := range cp.SourcePaths {
				if filepath.Clean(src) != filepath.Clean(source) {
					continue
				}
				dest := cp.DestPath
				if strings.HasSuffix(dest, "/") {
					dest += filepath.Base(source)
				}
				out[dest] = true
			}
		}
	}
	return out
}
