package main

import (
	"strings"
	"testing"
)

const goodHeaderSnippet = `# the front ends' security headers
add_header Content-Security-Policy "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'" always;
add_header X-Frame-Options "DENY" always;
add_header X-Content-Type-Options "nosniff" always;
add_header Referrer-Policy "strict-origin-when-cross-origin" always;
add_header Permissions-Policy "camera=(), geolocation=(), microphone=()" always;
`

const goodWebConf = `upstream gateway {
    server ${GATEWAY_UPSTREAM};
}
server {
    listen 8080;
    root /usr/share/nginx/html;
    location = /healthz {
        return 200 "ok\n";
    }
    location ^~ /api/ {
        proxy_pass http://gateway;
    }
    location ~* "-[a-z0-9]{8,}\.(?:js|css)$" {
        try_files $uri =404;
        add_header Cache-Control "public, max-age=31536000, immutable" always;
        include /etc/nginx/security-headers.conf;
    }
    location / {
        try_files $uri $uri/ /index.html;
        add_header Cache-Control "no-cache" always;
        include /etc/nginx/security-headers.conf;
    }
}
`

const goodWebDockerfile = `# syntax=docker/dockerfile:1
FROM nginx:1 AS runtime
COPY docker/nginx/web.conf /etc/nginx/templates/default.conf.template
COPY docker/nginx/security-headers.conf /etc/nginx/security-headers.conf
`

// goodWebFiles: the front ends' nginx files, for fixture trees that run the whole command.
var goodWebFiles = map[string]string{
	"docker/nginx/web.conf":              goodWebConf,
	"docker/nginx/security-headers.conf": goodHeaderSnippet,
	"docker/web.Dockerfile":              goodWebDockerfile,
}

func withWebFiles(files map[string]string) map[string]string {
	for k, v := range goodWebFiles {
		files[k] = v
	}
	return files
}

var webFiles = WebFiles{Conf: "docker/nginx/web.conf", Headers: "docker/nginx/security-headers.conf", Dockerfile: "docker/web.Dockerfile"}

func checkWebFixture(t *testing.T, replace map[string]string) *Report {
	t.Helper()
	files := map[string]string{}
	for k, v := range goodWebFiles {
		files[k] = v
	}
	for k, v := range replace {
		files[k] = v
	}
	return CheckWebHeaders(writeTree(t, files), webFiles)
}

func TestWebHeadersFixturePasses(t *testing.T) {
	r := checkWebFixture(t, nil)
	expectClean(t, r)
	if len(r.Checked) != 1 || !strings.Contains(r.Checked[0], "content-security-policy, permissions-policy, referrer-policy, x-content-type-options, x-frame-options") {
		t.Errorf("unexpected summary %q", r.Checked)
	}
}

// An add_header in a location drops the headers of the levels above it: each location that
// serves files needs the whole set, the proxy and the probe do not.
func TestWebHeadersEveryLocationServingFiles(t *testing.T) {
	conf := strings.Replace(goodWebConf, `        add_header Cache-Control "no-cache" always;
        include /etc/nginx/security-headers.conf;
`, `        add_header Cache-Control "no-cache" always;
`, 1)
	r := checkWebFixture(t, map[string]string{"docker/nginx/web.conf": conf})
	expectProblems(t, r, []string{"docker/nginx/web.conf", "location / serves files without `include .../security-headers.conf`"})
	if r.Has("location ^~ /api/") || r.Has("location = /healthz") {
		t.Errorf("the proxy and the probe need no headers of their own:\n%s", r)
	}

	// Today's web.conf before the snippet: its own headers, a weaker X-Frame-Options and no CSP.
	before := strings.ReplaceAll(goodWebConf, "        include /etc/nginx/security-headers.conf;\n",
		"        add_header X-Content-Type-Options nosniff always;\n        add_header X-Frame-Options SAMEORIGIN always;\n")
	r = checkWebFixture(t, map[string]string{"docker/nginx/web.conf": before})
	expectProblems(t, r,
		[]string{"location / serves files without"},
		[]string{"add_header X-Frame-Options: set the security headers in docker/nginx/security-headers.conf only"},
		[]string{"includes security-headers.conf nowhere"},
	)
}

func TestWebHeadersStrictValues(t *testing.T) {
	cases := []struct {
		from, to string
		want     []string
	}{
		{"script-src 'self';", "script-src 'self' 'unsafe-inline';", []string{"script-src allows 'unsafe-inline'"}},
		{"script-src 'self';", "script-src 'self' 'unsafe-eval' https:;", []string{"script-src allows 'unsafe-eval'"}},
		{"script-src 'self'; ", "", []string{}}, // default-src 'self' then governs scripts: fine
		{"; frame-ancestors 'none'", "", []string{"frame-ancestors \"\": 'none'"}},
		{"object-src 'none'; ", "", []string{"object-src \"\": 'none'"}},
		{"base-uri 'self'; ", "", []string{"has no base-uri"}},
		{`X-Frame-Options "DENY"`, `X-Frame-Options "SAMEORIGIN"`, []string{`X-Frame-Options "SAMEORIGIN": DENY`}},
		{`Referrer-Policy "strict-origin-when-cross-origin"`, `Referrer-Policy "unsafe-url"`, []string{`Referrer-Policy "unsafe-url"`}},
		{"camera=(), ", "", []string{"does not turn camera off"}},
		{"add_header X-Content-Type-Options \"nosniff\" always;\n", "", []string{"sets no X-Content-Type-Options"}},
		{" always;\nadd_header Referrer", ";\nadd_header Referrer", []string{"line 4: only `add_header Name \"value\" always;` lines"}},
	}
	for _, c := range cases {
		snippet := strings.Replace(goodHeaderSnippet, c.from, c.to, 1)
		if snippet == goodHeaderSnippet {
			t.Fatalf("case %q changes nothing", c.from)
		}
		r := checkWebFixture(t, map[string]string{"docker/nginx/security-headers.conf": snippet})
		if len(c.want) == 0 {
			expectClean(t, r)
			continue
		}
		expectProblems(t, r, append([]string{"docker/nginx/security-headers.conf"}, c.want...))
	}
}

// The image must carry the snippet where the includes look for it.
func TestWebHeadersImageCopiesTheSnippet(t *testing.T) {
	missing := strings.Replace(goodWebDockerfile, "COPY docker/nginx/security-headers.conf /etc/nginx/security-headers.conf\n", "", 1)
	r := checkWebFixture(t, map[string]string{"docker/web.Dockerfile": missing})
	expectProblems(t, r, []string{"docker/web.Dockerfile", "does not COPY docker/nginx/security-headers.conf to /etc/nginx/security-headers.conf"})

	elsewhere := strings.Replace(goodWebDockerfile, "/etc/nginx/security-headers.conf", "/etc/nginx/conf.d/", 1)
	r = checkWebFixture(t, map[string]string{"docker/web.Dockerfile": elsewhere})
	expectProblems(t, r, []string{"does not COPY docker/nginx/security-headers.conf to /etc/nginx/security-headers.conf"})

	intoFolder := strings.Replace(goodWebDockerfile, "/etc/nginx/security-headers.conf", "/etc/nginx/", 1)
	expectClean(t, checkWebFixture(t, map[string]string{"docker/web.Dockerfile": intoFolder}))
}

func TestNginxParser(t *testing.T) {
	dirs, err := parseNginx(goodWebConf)
	if err != nil {
		t.Fatal(err)
	}
	locs := nginxLocations(dirs)
	if len(locs) != 4 || locs[2].Args[1] != `-[a-z0-9]{8,}\.(?:js|css)$` || dirs[0].Block[0].Args[0] != "${GATEWAY_UPSTREAM}" {
		t.Errorf("unexpected parse: %+v", dirs)
	}
	for _, broken := range []string{"server {\n listen 80;\n", "server { listen 80 }", "listen 80", `add_header X "open;`} {
		if _, err := parseNginx(broken); err == nil {
			t.Errorf("%q parsed without an error", broken)
		}
	}
}
