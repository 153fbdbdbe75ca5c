package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"sigs.k8s.io/yaml"
)

// DeclarationsFile sits beside a kustomization and tells ops-check what the manifests cannot:
//
//	# k8s/overlays/prod/ops-check.yaml
//	committedSecrets: false        # the default: no Secret with values may be rendered
//	externalSecrets:               # Secrets created out of band (kubectl, a secret store)
//	  - name: platform-secrets
//	    keys: [AMQP_URL, MONGO_URL] # optional; when given, references must use these keys
//
// It applies to that kustomization only, not to overlays that include it: each overlay states
// its own. kustomize never reads it.
const DeclarationsFile = "ops-check.yaml"

// Declarations is the content of DeclarationsFile; the zero value is what a missing file means.
type Declarations struct {
	// CommittedSecrets allows rendering Secrets with data: development placeholders only.
	CommittedSecrets bool             `json:"committedSecrets"`
	ExternalSecrets  []ExternalSecret `json:"externalSecrets"`
}

// ExternalSecret is a Secret that the kustomization refers to but does not render.
type ExternalSecret struct {
	Name string   `json:"name"`
	Keys []string `json:"keys,omitempty"`
}

// LoadDeclarations reads dir's DeclarationsFile strictly (unknown fields are errors, so a
// misspelt key cannot silently turn a rule off). No file: the zero Declarations.
func LoadDeclarations(dir string) (Declarations, error) {
	var d Declarations
	raw, err := os.ReadFile(filepath.Join(dir, DeclarationsFile))
	if errors.Is(err, fs.ErrNotExist) {
		return d, nil
	}
	if err != nil {
		return d, err
	}
	if err := yaml.UnmarshalStrict(raw, &d); err != nil {
		return d, err
	}
	seen := map[string]bool{}
	for _, s := range d.ExternalSecrets {
		if s.Name == "" {
			return d, errors.New("externalSecrets: an entry has no name")
		}
		if seen[s.Name] {
			return d, errors.New("externalSecrets: " + s.Name + " is declared twice")
		}
		seen[s.Name] = true
	}
	return d, nil
}

// external returns the declared external Secret called name, if any.
func (d Declarations) external(name string) (ExternalSecret, bool) {
	for _, s := range d.ExternalSecrets {
		if s.Name == name {
			return s, true
		}
	}
	return ExternalSecret{}, false
}

// hasKey: an external Secret without a key list may hold any key.
func (s ExternalSecret) hasKey(key string) bool {
	if len(s.Keys) == 0 {
		return true
	}
	for _, k := range s.Keys {
		if k == key {
			return true
		}
	}
	return false
}
