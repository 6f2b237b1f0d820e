/*
 * MappingGuard: turns a fault on a truncated file mapping into a flag the reader checks.
 *
 * When another process truncates a file while it is mapped (tcpdump's ring buffer reopens its
 * oldest file with O_TRUNC), reading the lost pages raises SIGBUS, which would kill the
 * probe. A range registered here is guarded: a SIGBUS inside it replaces the rest of the range
 * with zero pages, marks the range and returns, so the read goes on (reading zeros) and the
 * reader, which checks the mark after every packet, stops with an error instead. Faults
 * elsewhere go to the handler that was installed before, or to the default action.
 *
 * Up to 64 ranges at once (one per open capture). C, not Swift: a signal handler must not enter
 * the Swift runtime.
 */
#ifndef METRO6_MAPPING_GUARD_H
#define METRO6_MAPPING_GUARD_H

#include <stddef.h>

/* Guards [start, start + length); installs the SIGBUS handler on first use. Returns the slot to
 * pass to the other functions, or -1 when all slots are taken or the handler could not be
 * installed (the caller should then not map). */
int metro6_guard_register(const void *start, size_t length);

/* The mark of `slot`: non-zero once a SIGBUS hit its range. A pointer, so that a reader checks
 * it after every packet without a call. SIGBUS is delivered to the thread that faulted, so that
 * thread reads what the handler wrote once the faulting call returns. NULL for a bad slot. */
const volatile int *metro6_guard_mark(int slot);

/* Stops guarding `slot`'s range; call before unmapping it. */
void metro6_guard_unregister(int slot);

#endif
