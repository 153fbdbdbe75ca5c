// Command ferretdb runs FerretDB v1 (embedded) with the SQLite backend for
// local development and CI.
//
// The upstream `cmd/ferretdb` built with `go install` panics at start-up
// (build/version/version.txt is missing from the module download), so the
// project embeds FerretDB through its public `ferretdb` package instead.
// Embedded FerretDB never sends telemetry.
//
// Flags (each has an environment variable fallback):
//
//	--listen-addr  FERRETDB_LISTEN_ADDR  TCP address (default 127.0.0.1:27017)
//	--sqlite-dir   FERRETDB_SQLITE_DIR   SQLite data directory, created if missing
//	                                     (default ./ferretdb-data)
//	--log-level    FERRETDB_LOG_LEVEL    debug, info, warn or error (default warn: info logs every connection)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	err := l.UnmarshalText([]byte(strings.ToUpper(s)))
	return l, err
}

// sqliteURL turns a directory into the `file:/abs/dir/` URI FerretDB expects
// (absolute, ending with a slash, directory must exist).
func sqliteURL(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return "", err
	}
	u := url.URL{Scheme: "file", Path: abs + "/", OmitHost: true}
	return u.String(), nil
}

func run() error {
	listenAddr := flag.String("listen-addr", envOr("FERRETDB_LISTEN_ADDR", "127.0.0.1:27017"), "TCP listen address")
	sqliteDir := flag.String("sqlite-dir", envOr("FERRETDB_SQLITE_DIR", "ferretdb-data"), "SQLite data directory (created if missing)")
	logLevel := flag.String("log-level", envOr("FERRETDB_LOG_LEVEL", "warn"), "log level: debug, info, warn, error")
	flag.Parse()

	if flag.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", flag.Args())
	}

	level, err := parseLevel(*logLevel)
	if err != nil {
		return fmt.Errorf("--log-level: %w", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	slog.SetDefault(logger)

	// Belt and braces: embedded FerretDB already disables telemetry.
	_ = os.Setenv("DO_NOT_TRACK", "1")

	dsn, err := sqliteURL(*sqliteDir)
	if err != nil {
		return fmt.Errorf("--sqlite-dir: %w", err)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listenAddr},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: dsn,
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	logger.Info("ferretdb starting", "listen", *listenAddr, "sqlite", dsn, "pid", os.Getpid())

	if err := f.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}

	logger.Info("ferretdb stopped")
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}
}
