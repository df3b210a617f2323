// SPDX-License-Identifier: GPL-3.0-or-later
#include "CGLPKGuard.h"

#include <glpk.h>
#include <setjmp.h>
#include <stddef.h>
#include <string.h>

// Per thread, like GLPK's environment.
static _Thread_local jmp_buf *active;
static _Thread_local unsigned long generation;
static _Thread_local char message[2048];
static _Thread_local size_t length;

// GLPK's terminal hook during a guarded call. Normal output is off (glp_term_out), so what
// arrives here is the text of an error, which GLPK prints with output forced on: keep it for
// the caller instead of stdout. Chunks are not lines.
static int capture(void *info, const char *text) {
    (void)info;
    size_t n = strlen(text);
    size_t room = sizeof message - 1 - length;
    if (n > room) n = room;
    memcpy(message + length, text, n);
    length += n;
    message[length] = '\0';
    return 1;
}

// GLPK's error hook: called by GLPK just before abort(); jump back to the guarded call.
static void escape(void *info) {
    (void)info;
    if (active != NULL) longjmp(*active, 1);
}

static int dispatch(const esms_glpk_call *call) {
    glp_prob *problem = (glp_prob *)call->problem;
    switch (call->routine) {
    case ESMS_GLPK_SIMPLEX: return glp_simplex(problem, (const glp_smcp *)call->parameters);
    case ESMS_GLPK_INTOPT: return glp_intopt(problem, (const glp_iocp *)call->parameters);
    case ESMS_GLPK_SCALE: glp_scale_prob(problem, call->flags); return 0;
    case ESMS_GLPK_UNSCALE: glp_unscale_prob(problem); return 0;
    case ESMS_GLPK_ADV_BASIS: glp_adv_basis(problem, call->flags); return 0;
    case ESMS_GLPK_WRITE_MPS: return glp_write_mps(problem, GLP_MPS_FILE, NULL, call->path);
    case ESMS_GLPK_WRITE_LP: return glp_write_lp(problem, NULL, call->path);
    case ESMS_GLPK_SET_OBJ_DIR: glp_set_obj_dir(problem, call->flags); return 0;
    }
    return -1;
}

int esms_glpk_guarded(const esms_glpk_call *call, int *result) {
    jmp_buf here;
    length = 0;
    message[0] = '\0';
    if (setjmp(here) != 0) {
        // GLPK's state is undefined after its error: free the thread's whole environment
        // (every block it allocated, problems included); the next GLPK call makes a new one.
        active = NULL;
        glp_free_env();
        generation += 1;
        return 1;
    }
    active = &here;
    glp_error_hook(escape, NULL);
    glp_term_hook(capture, NULL);
    int value = dispatch(call);
    glp_term_hook(NULL, NULL);
    glp_error_hook(NULL, NULL);
    active = NULL;
    *result = value;
    return 0;
}

unsigned long esms_glpk_generation(void) { return generation; }

const char *esms_glpk_failure_message(void) { return message; }
