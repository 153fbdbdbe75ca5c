package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
)

// checkCronJob: a CronJob runs on a schedule that parses, never twice at once, and each run is
// a Job by the Job rules (it stops, it goes away, its containers have resources). A CronJob that
// writes to a PersistentVolumeClaim (backups) must also delete what it wrote: a container
// states its retention in days in an env var named *RETENTION_DAYS and its command uses it, or
// the volume fills up one night.
func checkCronJob(r *Report, at string, c *batchv1.CronJob, ix *configIndex) {
	if problem := cronScheduleProblem(c.Spec.Schedule); problem != "" {
		r.Addf(at, "schedule %q: %s", c.Spec.Schedule, problem)
	}
	if c.Spec.ConcurrencyPolicy != batchv1.ForbidConcurrent && c.Spec.ConcurrencyPolicy != batchv1.ReplaceConcurrent {
		r.Addf(at, "concurrencyPolicy %q lets two runs overlap: Forbid or Replace", concurrencyOrDefault(c.Spec.ConcurrencyPolicy))
	}
	job := &batchv1.Job{ObjectMeta: c.ObjectMeta, Spec: c.Spec.JobTemplate.Spec}
	checkJob(r, at+" jobTemplate", job, ix)

	spec := c.Spec.JobTemplate.Spec.Template.Spec
	for _, v := range spec.Volumes {
		if v.PersistentVolumeClaim == nil {
			continue
		}
		if !anyContainerKeepsRetention(spec.Containers) {
			r.Addf(at, "writes to PersistentVolumeClaim %q and keeps everything: give a container a positive *_RETENTION_DAYS env "+
				"and delete older files with it in its command", v.PersistentVolumeClaim.ClaimName)
		}
	}
}

func concurrencyOrDefault(p batchv1.ConcurrencyPolicy) batchv1.ConcurrencyPolicy {
	if p == "" {
		return batchv1.AllowConcurrent
	}
	return p
}

var (
	cronMacros = map[string]bool{"@yearly": true, "@annually": true, "@monthly": true, "@weekly": true, "@daily": true, "@midnight": true, "@hourly": true}
	cronField  = regexp.MustCompile(`^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(/[0-9]+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(/[0-9]+)?)*$`)
)

// cronScheduleProblem: the five fields (minute hour day-of-month month day-of-week) or a macro.
// The time zone belongs in spec.timeZone, not in the schedule (CRON_TZ= is refused by the API).
func cronScheduleProblem(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "no schedule"
	case strings.HasPrefix(s, "TZ=") || strings.HasPrefix(s, "CRON_TZ="):
		return "set the time zone in spec.timeZone"
	case cronMacros[s]:
		return ""
	}
	fields := strings.Fields(s)
	if len(fields) != 5 {
		return fmt.Sprintf("%d fields, a schedule has 5 (minute hour day-of-month month day-of-week)", len(fields))
	}
	for _, f := range fields {
		if !cronField.MatchString(f) {
			return fmt.Sprintf("field %q is not a cron field", f)
		}
	}
	return ""
}

// anyContainerKeepsRetention: some container has a positive *RETENTION_DAYS value and its command
// or arguments use it ($NAME, ${NAME} or Kubernetes' $(NAME)).
func anyContainerKeepsRetention(containers []corev1.Container) bool {
	for _, c := range containers {
		script := strings.Join(append(append([]string{}, c.Command...), c.Args...), "\n")
		for _, e := range c.Env {
			if !strings.HasSuffix(e.Name, "RETENTION_DAYS") || e.ValueFrom != nil {
				continue
			}
			if days, err := strconv.Atoi(e.Value); err != nil || days <= 0 {
				continue
			}
			for _, use := range []string{"$" + e.Name, "${" + e.Name + "}", "$(" + e.Name + ")"} {
				if strings.Contains(script, use) {
					return true
				}
			}
		}
	}
	return false
}
