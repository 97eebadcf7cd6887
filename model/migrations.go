package model

import (
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// Each file in migrations/ is one step, applied once, in name order. The SQL is
// written once for both dialects; the placeholders below stand for the few
// column types and table options in which SQLite and MySQL differ, and
// `DROP INDEX name ON table` is written as MySQL wants it (SQLite drops the ON).
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

func placeholders(d Dialect) *strings.Replacer {
	if d == MySQL {
		return strings.NewReplacer(
			"{{id}}", "BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY",
			"{{ref}}", "BIGINT UNSIGNED",
			"{{time}}", "DATETIME(3)",
			"{{text}}", "MEDIUMTEXT",
			"{{options}}", " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
		)
	}
	return strings.NewReplacer(
		"{{id}}", "INTEGER PRIMARY KEY AUTOINCREMENT",
		"{{ref}}", "INTEGER",
		"{{time}}", "DATETIME",
		"{{text}}", "TEXT",
		"{{options}}", "",
	)
}

var dropIndexOn = regexp.MustCompile(`DROP INDEX (\w+) ON \w+`)

// Migrate applies every step the database has not seen yet.
func Migrate(db *gorm.DB, d Dialect) error {
	return MigrateTo(db, d, "")
}

// MigrateTo applies the steps up to and including the one named last (a file
// name without .sql), or all of them when last is empty.
func MigrateTo(db *gorm.DB, d Dialect, last string) error {
	steps, err := migrationSteps(d)
	if err != nil {
		return err
	}
	opts := *gormigrate.DefaultOptions
	opts.TableName = "schema_migrations"
	opts.ValidateUnknownMigrations = true
	m := gormigrate.New(db, &opts, steps)
	if last == "" {
		return m.Migrate()
	}
	return m.MigrateTo(last)
}

func migrationSteps(d Dialect) ([]*gormigrate.Migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	repl := placeholders(d)
	var steps []*gormigrate.Migration
	for _, name := range names {
		raw, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		id := strings.TrimSuffix(strings.TrimPrefix(name, "migrations/"), ".sql")
		text := repl.Replace(string(raw))
		if d == SQLite {
			text = dropIndexOn.ReplaceAllString(text, "DROP INDEX $1")
		}
		statements := splitStatements(text)
		steps = append(steps, &gormigrate.Migration{
			ID: id,
			Migrate: func(tx *gorm.DB) error {
				for _, stmt := range statements {
					if err := tx.Exec(stmt).Error; err != nil {
						return fmt.Errorf("%s: %w\n%s", id, err, stmt)
					}
				}
				return nil
			},
		})
	}
	return steps, nil
}

// splitStatements cuts a migration file at the semicolons that end a line and
// drops comment lines.
func splitStatements(sql string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(sql, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteString("\n")
		if strings.HasSuffix(trimmed, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}
