//go:build unix

package modeltest

import "syscall"

// ProcessorTime is the processor time (user and system) this process has
// used, in nanoseconds, for benchmarks: on a shared machine it moves far
// less than the time. Against MySQL it leaves out the server's work, which
// the time includes.
func ProcessorTime() int64 {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		panic(err)
	}
	return u.Utime.Nano() + u.Stime.Nano()
}
