package main

import (
	"strings"
	"testing"
)

const goodBackupCronJob = `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: backups
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 10Gi
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "30 2 * * *"
  timeZone: Asia/Shanghai
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      backoffLimit: 1
      ttlSecondsAfterFinished: 86400
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: dump
              image: example/db:1
              command:
                - sh
                - -c
                - |
                  dump > /backups/$(date +%F).gz
                  find /backups -name '*.gz' -mtime "+$BACKUP_RETENTION_DAYS" -delete
              env:
                - name: BACKUP_RETENTION_DAYS
                  value: "14"
                - name: TOKEN
                  valueFrom:
                    secretKeyRef:
                      name: api-secrets
                      key: TOKEN
              resources:
                requests:
                  cpu: 100m
                  memory: 128Mi
                limits:
                  cpu: "1"
                  memory: 512Mi
              volumeMounts:
                - name: backups
                  mountPath: /backups
          volumes:
            - name: backups
              persistentVolumeClaim:
                claimName: backups
`

func TestCronJobRules(t *testing.T) {
	expectClean(t, checkKustomizeFixture(t, goodApp+goodBackupCronJob, nil))
	at := "CronJob/fixture/backup"

	mutations := []struct {
		from, to string
		want     []string
	}{
		{`  schedule: "30 2 * * *"`, `  schedule: ""`, []string{at, `schedule "": no schedule`}},
		{`  schedule: "30 2 * * *"`, `  schedule: "30 2 * *"`, []string{at, "4 fields, a schedule has 5"}},
		{`  schedule: "30 2 * * *"`, `  schedule: "CRON_TZ=Asia/Shanghai 30 2 * * *"`, []string{at, "set the time zone in spec.timeZone"}},
		{`  schedule: "30 2 * * *"`, `  schedule: "30 2 * * mon#1"`, []string{at, `field "mon#1" is not a cron field`}},
		{"  concurrencyPolicy: Forbid\n", "", []string{at, `concurrencyPolicy "Allow" lets two runs overlap`}},
		// Without a retention the volume only grows: no variable, a zero one, or one the command never reads.
		{"                - name: BACKUP_RETENTION_DAYS\n                  value: \"14\"\n", "", []string{at, `writes to PersistentVolumeClaim "backups" and keeps everything`}},
		{`value: "14"`, `value: "0"`, []string{at, "keeps everything"}},
		{`-mtime "+$BACKUP_RETENTION_DAYS" `, `-mtime +14 `, []string{at, "keeps everything"}},
		// Each run is a Job by the Job rules.
		{"      backoffLimit: 1\n", "", []string{at + " jobTemplate", "has no backoffLimit"}},
		{"      ttlSecondsAfterFinished: 86400\n", "", []string{at + " jobTemplate", "has no ttlSecondsAfterFinished"}},
		{"                  memory: 512Mi\n", "", []string{at + " jobTemplate", `container "dump"`, "has no resources.limits.memory"}},
		{"key: TOKEN", "key: TOKN", []string{at + " jobTemplate", `env TOKEN: Secret "api-secrets-`, `has no key "TOKN"`}},
		{"                claimName: backups\n", "                claimName: archives\n", []string{at + " jobTemplate", `volume "backups": PersistentVolumeClaim "archives" is not in the output`}},
	}
	for _, m := range mutations {
		cronJob := strings.Replace(goodBackupCronJob, m.from, m.to, 1)
		if cronJob == goodBackupCronJob {
			t.Fatalf("mutation %q changes nothing", m.from)
		}
		expectProblems(t, checkKustomizeFixture(t, goodApp+cronJob, nil), m.want)
	}

	// Replace is as safe as Forbid; ${NAME} and Kubernetes' $(NAME) are uses too; macros are schedules.
	for _, variant := range [][2]string{
		{"concurrencyPolicy: Forbid", "concurrencyPolicy: Replace"},
		{`"+$BACKUP_RETENTION_DAYS"`, `"+${BACKUP_RETENTION_DAYS}"`},
		{`"+$BACKUP_RETENTION_DAYS"`, `+$(BACKUP_RETENTION_DAYS)`},
		{`"30 2 * * *"`, `"@daily"`},
		{`"30 2 * * *"`, `"*/15 1-5 1,15 JAN-MAR MON-FRI"`},
	} {
		expectClean(t, checkKustomizeFixture(t, goodApp+strings.Replace(goodBackupCronJob, variant[0], variant[1], 1), nil))
	}
}

func TestCronScheduleProblem(t *testing.T) {
	for schedule, want := range map[string]string{
		"0 3 * * *":        "",
		"@weekly":          "",
		"0 0/6 * * ?":      "",
		"":                 "no schedule",
		"0 3 * * * *":      "6 fields",
		"TZ=UTC 0 3 * * *": "spec.timeZone",
	} {
		if got := cronScheduleProblem(schedule); (want == "" && got != "") || !strings.Contains(got, want) {
			t.Errorf("cronScheduleProblem(%q) = %q, want %q", schedule, got, want)
		}
	}
}
