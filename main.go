// Leitai (擂台) runs a city federation of trade unions' skills and labour
// contests: one binary serving the JSON API and the web app.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"

	"leitai/api"
	"leitai/frontend"
	"leitai/model"
	"leitai/service"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "leitai:", err)
		os.Exit(1)
	}
}

// run starts the server and blocks until ctx ends, then shuts down gracefully.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := loadConfig(args, getenv, stderr)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(stdout, nil))
	if cfg.Secret == nil {
		if cfg.Secret, err = loadOrCreateSecret(cfg.dataDir); err != nil {
			return err
		}
	}
	db, err := model.Open(cfg.DB)
	if err != nil {
		return settingError{"LEITAI_DB", err.Error()}
	}
	// The boards poll every 5 seconds; one build serves those that ask within 2.
	svc := service.New(db, service.Options{Secret: cfg.Secret, Logger: log, BoardFreshness: 2 * time.Second})

	if err := svc.FailInterruptedImports(ctx); err != nil {
		return err
	}
	if err := svc.FailInterruptedExports(ctx); err != nil {
		return err
	}
	generated, err := svc.EnsureAdmin(ctx, cfg.AdminPassword)
	if err != nil {
		return err
	}
	if generated != "" {
		fmt.Fprintf(stderr, "\n  Leitai created the administrator account.\n  username: admin\n  password: %s\n  (shown only this once; you will be asked to change it at first login)\n\n", generated)
	}
	if cfg.Demo {
		if err := svc.LoadDemo(ctx); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "  Demo ready in %s: accounts org_qh, org_jb, org_jx, ent_1 … ent_6, judge_1 … judge_4, password %s\n\n", cfg.DB.Redacted(), service.DemoPassword)
	}

	gin.SetMode(gin.ReleaseMode)
	router, err := api.NewRouter(svc, log, frontend.Dist(), api.Options{TrustedProxies: cfg.TrustedProxies})
	if err != nil {
		return settingError{"LEITAI_TRUSTED_PROXIES", err.Error()}
	}
	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           router,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return settingError{"LEITAI_ADDR", err.Error()}
	}
	log.Info("listening", "addr", "http://"+ln.Addr().String(), "database", string(cfg.DB.Dialect))
	fmt.Fprintf(stderr, "  Leitai is running at http://%s/\n", ln.Addr())

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if sqlDB, err := db.DB(); err == nil {
		sqlDB.Close()
	}
	return nil
}
