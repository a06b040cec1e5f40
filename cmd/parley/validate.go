package main

import (
	"context"
	"flag"
	"fmt"

	"parley/validate"
)

// runValidate runs TABARI's or PETRARCH's validation suite with the
// shallow coder and prints each failure and "N passed, M failed".
func (m *Main) runValidate(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	tabari := fs.String("tabari", "", "TABARI validation `PROJECT` file (Validate.project)")
	petrarch := fs.String("petrarch", "", "PETRARCH unit-test `RECORDS.xml` file")
	verbose := fs.Bool("verbose", false, "print passing records too")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if (*tabari == "") == (*petrarch == "") || fs.NArg() > 0 {
		return fmt.Errorf("%w: validate needs exactly one of --tabari PROJECT or --petrarch RECORDS.xml", errUsage)
	}
	var rep *validate.Report
	var dictErrs []error
	if *tabari != "" {
		s, err := validate.LoadTABARI(*tabari)
		if err != nil {
			return err
		}
		dictErrs = s.DictErrors
		rep = s.Run()
	} else {
		s, err := validate.LoadPETRARCH(*petrarch)
		if err != nil {
			return err
		}
		dictErrs = s.DictErrors
		rep = s.Run()
	}
	for _, e := range dictErrs {
		m.Log.Warn("dictionary", "error", e)
	}
	for _, e := range rep.OptionErrors {
		m.Log.Warn("option", "error", e)
	}
	return rep.Write(m.Stdout, *verbose)
}
