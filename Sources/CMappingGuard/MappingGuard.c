/* See include/MappingGuard.h. */
#define _GNU_SOURCE
#include "MappingGuard.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS MAP_ANON
#endif

enum { SLOTS = 64 };

/* A slot is free while its start is 0. The end is written before the start on registration
 * and the start cleared first on release, so the handler never sees a half-written range. */
static _Atomic uintptr_t starts[SLOTS];
static _Atomic uintptr_t ends[SLOTS];
/* Written by the handler, read by the thread that faulted (see metro6_guard_mark). */
static volatile int tripped[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct sigaction previous;
static uintptr_t page_size;
static int installed;

static void on_sigbus(int signal_number, siginfo_t *info, void *context)
{
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int slot = 0; slot < SLOTS; slot++) {
        uintptr_t start = atomic_load(&starts[slot]);
        uintptr_t end = atomic_load(&ends[slot]);
        if (start == 0 || address < start || address >= end)
            continue;
        uintptr_t page = address & ~(page_size - 1);
        /* mmap is a plain system call here: the zero pages take the lost ones' place. */
        if (mmap((void *)page, end - page, PROT_READ, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            != MAP_FAILED) {
            tripped[slot] = 1;
            return;
        }
        break;
    }
    /* Not a guarded range (or it could not be patched): what would have happened without us. */
    if (previous.sa_flags & SA_SIGINFO) {
        previous.sa_sigaction(signal_number, info, context);
    } else if (previous.sa_handler == SIG_DFL) {
        /* Returning re-runs the faulting instruction, which now meets the default action. */
        signal(SIGBUS, SIG_DFL);
    } else if (previous.sa_handler != SIG_IGN) {
        previous.sa_handler(signal_number);
    }
}

static void install(void)
{
    page_size = (uintptr_t)sysconf(_SC_PAGESIZE);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    installed = sigaction(SIGBUS, &action, &previous) == 0;
}

int metro6_guard_register(const void *start, size_t length)
{
    pthread_once(&once, install);
    if (!installed || start == NULL || length == 0)
        return -1;
    int found = -1;
    pthread_mutex_lock(&lock);
    for (int slot = 0; slot < SLOTS; slot++) {
        if (atomic_load(&starts[slot]) == 0) {
            tripped[slot] = 0;
            atomic_store(&ends[slot], (uintptr_t)start + length);
            atomic_store(&starts[slot], (uintptr_t)start);
            found = slot;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return found;
}

const volatile int *metro6_guard_mark(int slot)
{
    return slot >= 0 && slot < SLOTS ? &tripped[slot] : NULL;
}

void metro6_guard_unregister(int slot)
{
    if (slot < 0 || slot >= SLOTS)
        return;
    pthread_mutex_lock(&lock);
    atomic_store(&starts[slot], 0);
    atomic_store(&ends[slot], 0);
    pthread_mutex_unlock(&lock);
}
