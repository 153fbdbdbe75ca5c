package main

import (
	"fmt"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
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

// CheckObjects applies the repository's rules to one rendered kustomization:
//   - every workload's selector matches its own pod template;
//   - every container of a workload has a liveness and a readiness probe (HTTP and TCP probes
//     on a port the container declares) and cpu and memory requests and limits (request <= limit);
//   - ConfigMaps and Secrets named by env, envFrom and volumes are in the output (unless optional);
//   - every Service has a selector that matches some workload's pods, and its target ports are
//     ports of those pods; a StatefulSet's serviceName names a Service;
//   - every PodDisruptionBudget selects some workload's pods;
//   - every Ingress has an ingressClassName, and its backends name existing Services and ports.
func CheckObjects(r *Report, label string, objs []Object) {
	var (
		workloads  []workload
		services   = map[string]*corev1.Service{} // ns/name
		configMaps = map[string]*corev1.ConfigMap{}
		secrets    = map[string]*corev1.Secret{}
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
			configMaps[key(v.Namespace, v.Name)] = v
		case *corev1.Secret:
			secrets[key(v.Namespace, v.Name)] = v
		}
	}

	for _, w := range workloads {
		at := label + " " + w.id
		checkWorkloadSelector(r, at, w)
		for _, c := range w.template.Spec.Containers {
			checkContainer(r, at, c)
			checkConfigRefs(r, at, w.namespace, c, configMaps, secrets)
		}
		for _, c := range w.template.Spec.InitContainers {
			checkConfigRefs(r, at, w.namespace, c, configMaps, secrets)
		}
		for _, v := range w.template.Spec.Volumes {
			if cm := v.ConfigMap; cm != nil && !isTrue(cm.Optional) && configMaps[key(w.namespace, cm.Name)] == nil {
				r.Addf(at, "volume %q: ConfigMap %q is not in the output", v.Name, cm.Name)
			}
			if s := v.Secret; s != nil && !isTrue(s.Optional) && secrets[key(w.namespace, s.SecretName)] == nil {
				r.Addf(at, "volume %q: Secret %q is not in the output", v.Name, s.SecretName)
			}
		}
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
		case *policyv1.PodDisruptionBudget:
			if len(matchingWorkloads(v.Namespace, v.Spec.Selector, workloads)) == 0 {
				r.Addf(at, "selector %s matches no Deployment/StatefulSet/DaemonSet pods", describeSelector(v.Spec.Selector))
			}
		case *networkingv1.Ingress:
			checkIngress(r, at, v, services)
		case *autoscalingv2.HorizontalPodAutoscaler:
			checkAutoscaler(r, at, v, workloads)
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

func checkContainer(r *Report, at string, c corev1.Container) {
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

func checkConfigRefs(r *Report, at, ns string, c corev1.Container, cms map[string]*corev1.ConfigMap, secrets map[string]*corev1.Secret) {
	cat := fmt.Sprintf("%s container %q", at, c.Name)
	for _, ef := range c.EnvFrom {
		if ref := ef.ConfigMapRef; ref != nil && !isTrue(ref.Optional) && cms[ns+"/"+ref.Name] == nil {
			r.Addf(cat, "envFrom: ConfigMap %q is not in the output", ref.Name)
		}
		if ref := ef.SecretRef; ref != nil && !isTrue(ref.Optional) && secrets[ns+"/"+ref.Name] == nil {
			r.Addf(cat, "envFrom: Secret %q is not in the output", ref.Name)
		}
	}
	for _, e := range c.Env {
		if e.ValueFrom == nil {
			continue
		}
		if ref := e.ValueFrom.ConfigMapKeyRef; ref != nil && !isTrue(ref.Optional) {
			cm := cms[ns+"/"+ref.Name]
			switch {
			case cm == nil:
				r.Addf(cat, "env %s: ConfigMap %q is not in the output", e.Name, ref.Name)
			case !hasKey(cm.Data, ref.Key) && !hasKey(cm.BinaryData, ref.Key):
				r.Addf(cat, "env %s: ConfigMap %q has no key %q", e.Name, ref.Name, ref.Key)
			}
		}
		if ref := e.ValueFrom.SecretKeyRef; ref != nil && !isTrue(ref.Optional) {
			s := secrets[ns+"/"+ref.Name]
			switch {
			case s == nil:
				r.Addf(cat, "env %s: Secret %q is not in the output", e.Name, ref.Name)
			case !hasKey(s.Data, ref.Key) && !hasKey(s.StringData, ref.Key):
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
