package main

import (
	"fmt"
	"regexp"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// workload is a Deployment, StatefulSet or DaemonSet: its pod template and selector.
type workload struct {
	id        string
	namespace string
	name      string
	selector  *metav1.LabelSelector
	template  corev1.PodTemplateSpec
}

// CheckObjects applies the repository's rules to one rendered kustomization, with the
// declarations of its ops-check.yaml:
//   - every workload's selector matches its own pod template;
//   - every container of a workload has a liveness and a readiness probe (HTTP and TCP probes
//     on a port the container declares) and cpu and memory requests and limits (request <= limit);
//     init containers and Job containers need the requests and limits too;
//   - every Job sets backoffLimit and ttlSecondsAfterFinished, and restarts Never or OnFailure;
//     a CronJob's runs are Jobs by those rules, on a schedule that parses, never two at once,
//     and one that writes to a PersistentVolumeClaim states a retention it applies (checkCronJob);
//   - a PersistentVolumeClaim that a pod's volume names is in the output;
//   - ConfigMaps and Secrets named by env, envFrom, volumes and Ingress TLS are in the output
//     (unless optional) or, for Secrets, declared in externalSecrets, and hold the keys used;
//     every declared external Secret is used and not rendered after all;
//   - no Secret with values is rendered unless committedSecrets is true, and no ConfigMap or
//     literal env value holds a URL with a password;
//   - every Service has a selector that matches some workload's pods, and its target ports are
//     ports of those pods; a StatefulSet's serviceName names a Service;
//   - every PodDisruptionBudget selects some workload's pods;
//   - every Ingress has an ingressClassName, and its backends name existing Services and ports.
func CheckObjects(r *Report, label string, objs []Object, decl Declarations) {
	var (
		workloads []workload
		services  = map[string]*corev1.Service{} // ns/name
		ix        = &configIndex{
			configMaps: map[string]*corev1.ConfigMap{},
			secrets:    map[string]*corev1.Secret{},
			claims:     map[string]bool{},
			decl:       decl,
			used:       map[string]bool{},
		}
	)
	key := func(ns, name string) string { return ns + "/" + name }
	for _, o := range objs {
		switch v := o.Obj.(type) {
		case *appsv1.Deployment:
			workloads = append(workloads, workload{o.ID, v.Namespace, v.Name, v.Spec.Selector, v.Spec.Template})
		case *appsv1.StatefulSet:
			workloads = append(workloads, workload{o.ID, v.Namespace, v.Name, v.Spec.Selector, v.Spec.Template})
		case *appsv1.DaemonSet:
			workloads = append(workloads, workload{o.ID, v.Namespace, v.Name, v.Spec.Selector, v.Spec.Template})
		case *corev1.Service:
			services[key(v.Namespace, v.Name)] = v
		case *corev1.ConfigMap:
			ix.configMaps[key(v.Namespace, v.Name)] = v
		case *corev1.Secret:
			ix.secrets[key(v.Namespace, v.Name)] = v
		case *corev1.PersistentVolumeClaim:
			ix.claims[key(v.Namespace, v.Name)] = true
		}
	}

	for _, w := range workloads {
		at := label + " " + w.id
		checkWorkloadSelector(r, at, w)
		for _, c := range w.template.Spec.Containers {
			checkProbes(r, at, c)
			checkResources(r, at, c)
		}
		checkPodSpec(r, at, w.namespace, w.template.Spec, ix)
	}

	for _, o := range objs {
		at := label + " " + o.ID
		switch v := o.Obj.(type) {
		case *corev1.Service:
			checkService(r, at, v, workloads)
		case *appsv1.StatefulSet:
			if v.Spec.ServiceName != "" && services[key(v.Namespace, v.Spec.ServiceName)] == nil {
				r.Addf(at, "serviceName %q names no Service", v.Spec.ServiceName)
			}
		case *batchv1.Job:
			checkJob(r, at, v, ix)
		case *batchv1.CronJob:
			checkCronJob(r, at, v, ix)
		case *policyv1.PodDisruptionBudget:
			if len(matchingWorkloads(v.Namespace, v.Spec.Selector, workloads)) == 0 {
				r.Addf(at, "selector %s matches no Deployment/StatefulSet/DaemonSet pods", describeSelector(v.Spec.Selector))
			}
		case *networkingv1.Ingress:
			checkIngress(r, at, v, services)
			for _, tls := range v.Spec.TLS {
				if tls.SecretName != "" {
					if _, ok := ix.secret(v.Namespace, tls.SecretName); !ok {
						r.Addf(at, "tls: Secret %q %s", tls.SecretName, notProvided)
					}
				}
			}
		case *autoscalingv2.HorizontalPodAutoscaler:
			checkAutoscaler(r, at, v, workloads)
		case *corev1.Secret:
			if !decl.CommittedSecrets && (len(v.Data) > 0 || len(v.StringData) > 0) {
				r.Addf(at, "carries secret values (keys %s), but %s does not allow committed secrets: "+
					"create the Secret out of band and declare it in externalSecrets, or set committedSecrets: true "+
					"for a development-only kustomization", strings.Join(secretKeys(v), ", "), DeclarationsFile)
			}
		case *corev1.ConfigMap:
			for _, k := range sortedKeys(v.Data) {
				if holdsPassword(v.Data[k]) {
					r.Addf(at, "key %s holds a URL with a password: keep it in a Secret", k)
				}
			}
		}
	}

	for _, e := range decl.ExternalSecrets {
		rendered := false
		for _, s := range ix.secrets {
			rendered = rendered || s.Name == e.Name
		}
		switch {
		case rendered:
			r.Addf(label+" "+DeclarationsFile, "Secret %q is declared external but the kustomization renders it", e.Name)
		case !ix.used[e.Name]:
			r.Addf(label+" "+DeclarationsFile, "Secret %q is declared external but nothing refers to it "+
				"(a Secret that the kustomization generates under that name takes the references)", e.Name)
		}
	}
}

// notProvided completes "Secret X ..." when a reference finds nothing.
const notProvided = "is neither in the output nor declared in " + DeclarationsFile + " (externalSecrets)"

// urlWithPassword matches scheme://user:password@.
var urlWithPassword = regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.-]*://[^/?#@\s:]+:[^/?#@\s]+@`)

// holdsPassword: some URL in s carries a password in plain text. User information made of
// variables ($(VAR) in Kubernetes env, ${...} in scripts) is filled in from elsewhere.
func holdsPassword(s string) bool {
	for _, m := range urlWithPassword.FindAllString(s, -1) {
		if !strings.Contains(m, "$") {
			return true
		}
	}
	return false
}

// configIndex resolves references to ConfigMaps and Secrets, rendered or declared external,
// and to PersistentVolumeClaims.
type configIndex struct {
	configMaps map[string]*corev1.ConfigMap // ns/name
	secrets    map[string]*corev1.Secret    // ns/name
	claims     map[string]bool              // ns/name of the PersistentVolumeClaims
	decl       Declarations
	used       map[string]bool // external Secrets referred to
}

// secret finds the Secret ns/name in the output or among the declared external ones; has tells
// whether it holds a key.
func (ix *configIndex) secret(ns, name string) (has func(key string) bool, ok bool) {
	if s := ix.secrets[ns+"/"+name]; s != nil {
		return func(k string) bool { return hasKey(s.Data, k) || hasKey(s.StringData, k) }, true
	}
	if e, ok := ix.decl.external(name); ok {
		ix.used[name] = true
		return e.hasKey, true
	}
	return nil, false
}

func secretKeys(s *corev1.Secret) []string {
	keys := sortedKeys(s.Data)
	for _, k := range sortedKeys(s.StringData) {
		if !hasKey(s.Data, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// checkJob: a Job that fails must stop (backoffLimit stated, not the default's six retries with
// growing delays), and a finished one must go away (ttlSecondsAfterFinished), or the next
// `kubectl apply` fails on its immutable pod template.
func checkJob(r *Report, at string, j *batchv1.Job, ix *configIndex) {
	if j.Spec.BackoffLimit == nil {
		r.Addf(at, "has no backoffLimit")
	}
	if j.Spec.TTLSecondsAfterFinished == nil {
		r.Addf(at, "has no ttlSecondsAfterFinished, so the finished Job stays and a changed one cannot be applied")
	}
	spec := j.Spec.Template.Spec
	if p := spec.RestartPolicy; p != corev1.RestartPolicyNever && p != corev1.RestartPolicyOnFailure {
		r.Addf(at, "restartPolicy %q: a Job's pods must restart Never or OnFailure", p)
	}
	for _, c := range spec.Containers {
		checkResources(r, at, c)
	}
	checkPodSpec(r, at, j.Namespace, spec, ix)
}

// checkPodSpec: what every pod spec needs, whatever owns it: init containers with requests and
// limits (probes too for a sidecar, which keeps running), and the ConfigMaps and Secrets it names.
func checkPodSpec(r *Report, at, ns string, spec corev1.PodSpec, ix *configIndex) {
	for _, c := range spec.InitContainers {
		if c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways {
			checkProbes(r, at, c)
		}
		checkResources(r, at, c)
	}
	for _, c := range append(append([]corev1.Container{}, spec.InitContainers...), spec.Containers...) {
		checkConfigRefs(r, at, ns, c, ix)
	}
	for _, v := range spec.Volumes {
		if pvc := v.PersistentVolumeClaim; pvc != nil && !ix.claims[ns+"/"+pvc.ClaimName] {
			r.Addf(at, "volume %q: PersistentVolumeClaim %q is not in the output", v.Name, pvc.ClaimName)
		}
		if cm := v.ConfigMap; cm != nil && !isTrue(cm.Optional) {
			m := ix.configMaps[ns+"/"+cm.Name]
			if m == nil {
				r.Addf(at, "volume %q: ConfigMap %q is not in the output", v.Name, cm.Name)
				continue
			}
			for _, item := range cm.Items {
				if !hasKey(m.Data, item.Key) && !hasKey(m.BinaryData, item.Key) {
					r.Addf(at, "volume %q: ConfigMap %q has no key %q", v.Name, cm.Name, item.Key)
				}
			}
		}
		if s := v.Secret; s != nil && !isTrue(s.Optional) {
			has, ok := ix.secret(ns, s.SecretName)
			if !ok {
				r.Addf(at, "volume %q: Secret %q %s", v.Name, s.SecretName, notProvided)
				continue
			}
			for _, item := range s.Items {
				if !has(item.Key) {
					r.Addf(at, "volume %q: Secret %q has no key %q", v.Name, s.SecretName, item.Key)
				}
			}
		}
	}
}

// checkAutoscaler: the target exists in the output, the bounds make sense, and a utilization
// target has the requests it is a percentage of (without them the autoscaler never scales).
func checkAutoscaler(r *Report, at string, h *autoscalingv2.HorizontalPodAutoscaler, workloads []workload) {
	ref := h.Spec.ScaleTargetRef
	var target *workload
	for i := range workloads {
		if w := &workloads[i]; w.namespace == h.Namespace && w.name == ref.Name && strings.HasPrefix(w.id, ref.Kind+"/") {
			target = w
		}
	}
	if target == nil {
		r.Addf(at, "scaleTargetRef %s %q names no workload in the output", ref.Kind, ref.Name)
		return
	}
	if h.Spec.MinReplicas != nil && *h.Spec.MinReplicas > h.Spec.MaxReplicas {
		r.Addf(at, "minReplicas %d is above maxReplicas %d", *h.Spec.MinReplicas, h.Spec.MaxReplicas)
	}
	for _, m := range h.Spec.Metrics {
		if m.Type != autoscalingv2.ResourceMetricSourceType || m.Resource == nil || m.Resource.Target.Type != autoscalingv2.UtilizationMetricType {
			continue
		}
		for _, c := range target.template.Spec.Containers {
			if _, ok := c.Resources.Requests[m.Resource.Name]; !ok {
				r.Addf(at, "scales on %s utilization, but container %q of %s requests no %s", m.Resource.Name, c.Name, target.id, m.Resource.Name)
			}
		}
	}
}

func checkWorkloadSelector(r *Report, at string, w workload) {
	if w.selector == nil || (len(w.selector.MatchLabels) == 0 && len(w.selector.MatchExpressions) == 0) {
		r.Addf(at, "has no spec.selector")
		return
	}
	sel, err := metav1.LabelSelectorAsSelector(w.selector)
	if err != nil {
		r.Addf(at, "invalid spec.selector: %v", err)
		return
	}
	if !sel.Matches(labels.Set(w.template.Labels)) {
		r.Addf(at, "spec.selector %s does not match its pod template labels %v", sel, w.template.Labels)
	}
}

func checkProbes(r *Report, at string, c corev1.Container) {
	cat := fmt.Sprintf("%s container %q", at, c.Name)
	if c.LivenessProbe == nil {
		r.Addf(cat, "has no livenessProbe")
	} else {
		checkProbe(r, cat, "livenessProbe", c.LivenessProbe, c)
	}
	if c.ReadinessProbe == nil {
		r.Addf(cat, "has no readinessProbe")
	} else {
		checkProbe(r, cat, "readinessProbe", c.ReadinessProbe, c)
	}
	if c.StartupProbe != nil {
		checkProbe(r, cat, "startupProbe", c.StartupProbe, c)
	}
}

func checkResources(r *Report, at string, c corev1.Container) {
	cat := fmt.Sprintf("%s container %q", at, c.Name)
	for _, res := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		req, hasReq := c.Resources.Requests[res]
		lim, hasLim := c.Resources.Limits[res]
		if !hasReq {
			r.Addf(cat, "has no resources.requests.%s", res)
		}
		if !hasLim {
			r.Addf(cat, "has no resources.limits.%s", res)
		}
		if hasReq && hasLim && req.Cmp(lim) > 0 {
			r.Addf(cat, "resources.requests.%s %s is above the limit %s", res, req.String(), lim.String())
		}
	}
}

func checkProbe(r *Report, at, name string, p *corev1.Probe, c corev1.Container) {
	var port *intstr.IntOrString
	switch {
	case p.HTTPGet != nil:
		port = &p.HTTPGet.Port
		if p.HTTPGet.Path == "" || !strings.HasPrefix(p.HTTPGet.Path, "/") {
			r.Addf(at, "%s.httpGet.path %q should be an absolute path", name, p.HTTPGet.Path)
		}
	case p.TCPSocket != nil:
		port = &p.TCPSocket.Port
	case p.GRPC != nil:
		if !containerHasPort(c, intstr.FromInt32(p.GRPC.Port)) {
			r.Addf(at, "%s.grpc.port %d is not a port of the container", name, p.GRPC.Port)
		}
	case p.Exec != nil:
		if len(p.Exec.Command) == 0 {
			r.Addf(at, "%s.exec has no command", name)
		}
	default:
		r.Addf(at, "%s has no handler (httpGet, tcpSocket, grpc or exec)", name)
	}
	if port != nil && !containerHasPort(c, *port) {
		r.Addf(at, "%s port %s is not a port of the container (ports: %s)", name, port.String(), describePorts(c))
	}
}

func containerHasPort(c corev1.Container, port intstr.IntOrString) bool {
	for _, p := range c.Ports {
		if port.Type == intstr.String && p.Name == port.StrVal {
			return true
		}
		if port.Type == intstr.Int && p.ContainerPort == port.IntVal {
			return true
		}
	}
	return false
}

func describePorts(c corev1.Container) string {
	if len(c.Ports) == 0 {
		return "none declared"
	}
	var parts []string
	for _, p := range c.Ports {
		if p.Name != "" {
			parts = append(parts, fmt.Sprintf("%s=%d", p.Name, p.ContainerPort))
		} else {
			parts = append(parts, fmt.Sprint(p.ContainerPort))
		}
	}
	return strings.Join(parts, ", ")
}

func checkConfigRefs(r *Report, at, ns string, c corev1.Container, ix *configIndex) {
	cat := fmt.Sprintf("%s container %q", at, c.Name)
	for _, ef := range c.EnvFrom {
		if ref := ef.ConfigMapRef; ref != nil && !isTrue(ref.Optional) && ix.configMaps[ns+"/"+ref.Name] == nil {
			r.Addf(cat, "envFrom: ConfigMap %q is not in the output", ref.Name)
		}
		if ref := ef.SecretRef; ref != nil && !isTrue(ref.Optional) {
			if _, ok := ix.secret(ns, ref.Name); !ok {
				r.Addf(cat, "envFrom: Secret %q %s", ref.Name, notProvided)
			}
		}
	}
	for _, e := range c.Env {
		if e.ValueFrom == nil {
			if holdsPassword(e.Value) {
				r.Addf(cat, "env %s holds a URL with a password: take it from a Secret (secretKeyRef)", e.Name)
			}
			continue
		}
		if ref := e.ValueFrom.ConfigMapKeyRef; ref != nil && !isTrue(ref.Optional) {
			cm := ix.configMaps[ns+"/"+ref.Name]
			switch {
			case cm == nil:
				r.Addf(cat, "env %s: ConfigMap %q is not in the output", e.Name, ref.Name)
			case !hasKey(cm.Data, ref.Key) && !hasKey(cm.BinaryData, ref.Key):
				r.Addf(cat, "env %s: ConfigMap %q has no key %q", e.Name, ref.Name, ref.Key)
			}
		}
		if ref := e.ValueFrom.SecretKeyRef; ref != nil && !isTrue(ref.Optional) {
			has, ok := ix.secret(ns, ref.Name)
			switch {
			case !ok:
				r.Addf(cat, "env %s: Secret %q %s", e.Name, ref.Name, notProvided)
			case !has(ref.Key):
				r.Addf(cat, "env %s: Secret %q has no key %q", e.Name, ref.Name, ref.Key)
			}
		}
	}
}

func checkService(r *Report, at string, s *corev1.Service, workloads []workload) {
	if s.Spec.Type == corev1.ServiceTypeExternalName {
		return
	}
	if len(s.Spec.Selector) == 0 {
		r.Addf(at, "has no selector, so it selects no pods")
		return
	}
	sel := &metav1.LabelSelector{MatchLabels: s.Spec.Selector}
	matched := matchingWorkloads(s.Namespace, sel, workloads)
	if len(matched) == 0 {
		r.Addf(at, "selector %s matches no Deployment/StatefulSet/DaemonSet pods in namespace %q", describeSelector(sel), s.Namespace)
		return
	}
	for _, p := range s.Spec.Ports {
		target := p.TargetPort
		if target.Type == intstr.Int && target.IntVal == 0 {
			target = intstr.FromInt32(p.Port)
		}
		for _, w := range matched {
			found := false
			for _, c := range w.template.Spec.Containers {
				if containerHasPort(c, target) {
					found = true
				}
			}
			if !found {
				r.Addf(at, "port %q: targetPort %s is not a container port of %s", p.Name, target.String(), w.id)
			}
		}
	}
}

func checkIngress(r *Report, at string, ing *networkingv1.Ingress, services map[string]*corev1.Service) {
	if ing.Spec.IngressClassName == nil || *ing.Spec.IngressClassName == "" {
		r.Addf(at, "has no spec.ingressClassName")
	}
	check := func(where string, b networkingv1.IngressBackend) {
		if b.Service == nil {
			return // a resource backend
		}
		svc := services[ing.Namespace+"/"+b.Service.Name]
		if svc == nil {
			r.Addf(at, "%s: backend Service %q does not exist", where, b.Service.Name)
			return
		}
		p := b.Service.Port
		for _, sp := range svc.Spec.Ports {
			if (p.Name != "" && sp.Name == p.Name) || (p.Name == "" && sp.Port == p.Number) {
				return
			}
		}
		want := p.Name
		if want == "" {
			want = fmt.Sprint(p.Number)
		}
		var have []string
		for _, sp := range svc.Spec.Ports {
			have = append(have, fmt.Sprintf("%s=%d", sp.Name, sp.Port))
		}
		r.Addf(at, "%s: Service %q has no port %s (ports: %s)", where, b.Service.Name, want, strings.Join(have, ", "))
	}
	if ing.Spec.DefaultBackend != nil {
		check("defaultBackend", *ing.Spec.DefaultBackend)
	}
	if len(ing.Spec.Rules) == 0 && ing.Spec.DefaultBackend == nil {
		r.Addf(at, "has neither rules nor a defaultBackend")
	}
	for _, rule := range ing.Spec.Rules {
		host := rule.Host
		if host == "" {
			host = "*"
		}
		if rule.HTTP == nil {
			continue
		}
		for _, path := range rule.HTTP.Paths {
			check(fmt.Sprintf("rule %s path %s", host, path.Path), path.Backend)
		}
	}
}

func matchingWorkloads(ns string, sel *metav1.LabelSelector, workloads []workload) []workload {
	if sel == nil || (len(sel.MatchLabels) == 0 && len(sel.MatchExpressions) == 0) {
		return nil
	}
	s, err := metav1.LabelSelectorAsSelector(sel)
	if err != nil {
		return nil
	}
	var out []workload
	for _, w := range workloads {
		if w.namespace == ns && s.Matches(labels.Set(w.template.Labels)) {
			out = append(out, w)
		}
	}
	return out
}

func describeSelector(sel *metav1.LabelSelector) string {
	if sel == nil {
		return "<none>"
	}
	s, err := metav1.LabelSelectorAsSelector(sel)
	if err != nil {
		return fmt.Sprintf("%v", sel)
	}
	if s.Empty() {
		return "<empty>"
	}
	return "{" + s.String() + "}"
}

func isTrue(b *bool) bool { return b != nil && *b }

func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}
