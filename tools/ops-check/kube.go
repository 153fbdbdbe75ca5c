package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv1 "k8s.io/api/autoscaling/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	coordinationv1 "k8s.io/api/coordination/v1"
	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	networkingv1 "k8s.io/api/networking/v1"
	nodev1 "k8s.io/api/node/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	schedulingv1 "k8s.io/api/scheduling/v1"
	storagev1 "k8s.io/api/storage/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	utilruntime "k8s.io/apimachinery/pkg/util/runtime"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

// The typed Kubernetes API: every object that kustomize renders must be one of these kinds.
var (
	scheme        = runtime.NewScheme()
	strictDecoder runtime.Decoder
)

func init() {
	for _, add := range []func(*runtime.Scheme) error{
		corev1.AddToScheme, appsv1.AddToScheme, batchv1.AddToScheme,
		networkingv1.AddToScheme, policyv1.AddToScheme, rbacv1.AddToScheme,
		autoscalingv1.AddToScheme, autoscalingv2.AddToScheme, storagev1.AddToScheme,
		schedulingv1.AddToScheme, coordinationv1.AddToScheme, discoveryv1.AddToScheme,
		nodev1.AddToScheme, admissionregistrationv1.AddToScheme,
	} {
		utilruntime.Must(add(scheme))
	}
	// Strict: unknown and duplicate fields are errors, as with `kubectl apply --validate=strict`.
	strictDecoder = serializer.NewCodecFactory(scheme, serializer.EnableStrict).UniversalDeserializer()
}

// Object is one rendered, strictly decoded Kubernetes object.
type Object struct {
	ID  string // Kind/namespace/name
	Obj runtime.Object
}

// CheckKustomization renders dir (relative to root) with kustomize, decodes every object
// strictly and applies the rules of this repository to the result, with the declarations of
// dir's ops-check.yaml (see DeclarationsFile).
func CheckKustomization(root, dir string) *Report {
	r := &Report{}
	abs := dir
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(root, dir)
	}
	label := relTo(root, abs)

	decl, err := LoadDeclarations(abs)
	if err != nil {
		r.Addf(label+"/"+DeclarationsFile, "%v", err)
		return r
	}
	objs, ok := RenderKustomization(r, label, abs)
	if !ok {
		return r
	}
	CheckObjects(r, label, objs, decl)

	kinds := map[string]int{}
	for _, o := range objs {
		kinds[strings.SplitN(o.ID, "/", 2)[0]]++
	}
	var parts []string
	for _, k := range sortedKeys(kinds) {
		parts = append(parts, fmt.Sprintf("%s %d", k, kinds[k]))
	}
	summary := fmt.Sprintf("%s: %d objects (%s)", label, len(objs), strings.Join(parts, ", "))
	if n := len(decl.ExternalSecrets); n > 0 {
		summary += fmt.Sprintf("; %d external Secret(s)", n)
	}
	r.Checked = append(r.Checked, summary)
	return r
}

// RenderKustomization runs kustomize (krusty, as `kubectl kustomize`) on dir and decodes each
// resulting object strictly. Problems go to r under label; ok is false when nothing could be
// rendered or some object did not decode.
func RenderKustomization(r *Report, label, dir string) (objs []Object, ok bool) {
	k := krusty.MakeKustomizer(krusty.MakeDefaultOptions())
	resMap, err := k.Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		r.Addf(label, "kustomize build failed: %v", err)
		return nil, false
	}
	ok = true
	for _, res := range resMap.Resources() {
		id := fmt.Sprintf("%s/%s/%s", res.GetKind(), res.GetNamespace(), res.GetName())
		if res.GetNamespace() == "" {
			id = fmt.Sprintf("%s/%s", res.GetKind(), res.GetName())
		}
		y, err := res.AsYAML()
		if err != nil {
			r.Addf(label+" "+id, "cannot serialise: %v", err)
			ok = false
			continue
		}
		obj, gvk, err := strictDecoder.Decode(y, nil, nil)
		if err != nil {
			msg := err.Error()
			if runtime.IsNotRegisteredError(err) {
				msg = fmt.Sprintf("%s (not a built-in Kubernetes kind known to ops-check: %s %s)", msg, res.GetApiVersion(), res.GetKind())
			}
			r.Addf(label+" "+id, "does not decode strictly into the Kubernetes API types: %s", msg)
			ok = false
			continue
		}
		if gvk.Kind != res.GetKind() {
			r.Addf(label+" "+id, "decoded as %s", gvk.Kind)
		}
		objs = append(objs, Object{ID: id, Obj: obj})
	}
	if len(objs) == 0 && ok {
		r.Addf(label, "kustomize rendered no objects")
		ok = false
	}
	sort.SliceStable(objs, func(i, j int) bool { return objs[i].ID < objs[j].ID })
	return objs, ok
}
