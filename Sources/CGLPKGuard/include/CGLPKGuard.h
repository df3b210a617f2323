// SPDX-License-Identifier: GPL-3.0-or-later
// The last line of defence around GLPK: runs one GLPK routine with GLPK's error hook set to
// jump back here, so that an internal error or a failed assertion of GLPK (which otherwise
// calls abort()) becomes a return value. The recovery frees the calling thread's whole GLPK
// environment, so every problem of that thread is gone. Only LinearOptimizer uses this module.
#ifndef ESMS_CGLPK_GUARD_H
#define ESMS_CGLPK_GUARD_H

struct glp_prob;

/// The GLPK routines that run through the guard.
typedef enum {
    ESMS_GLPK_SIMPLEX = 1,   ///< glp_simplex(problem, (const glp_smcp *)parameters)
    ESMS_GLPK_INTOPT,        ///< glp_intopt(problem, (const glp_iocp *)parameters)
    ESMS_GLPK_SCALE,         ///< glp_scale_prob(problem, flags)
    ESMS_GLPK_UNSCALE,       ///< glp_unscale_prob(problem)
    ESMS_GLPK_ADV_BASIS,     ///< glp_adv_basis(problem, flags)
    ESMS_GLPK_WRITE_MPS,     ///< glp_write_mps(problem, GLP_MPS_FILE, NULL, path)
    ESMS_GLPK_WRITE_LP,      ///< glp_write_lp(problem, NULL, path)
    ESMS_GLPK_SET_OBJ_DIR    ///< glp_set_obj_dir(problem, flags): cheap, and GLPK checks its argument
} esms_glpk_routine;

/// One call: the routine and its arguments.
typedef struct {
    esms_glpk_routine routine;
    struct glp_prob *problem;
    /// glp_smcp * or glp_iocp *, for ESMS_GLPK_SIMPLEX and ESMS_GLPK_INTOPT.
    const void *parameters;
    /// Scaling flags, basis flags or objective direction.
    int flags;
    /// File to write, for ESMS_GLPK_WRITE_MPS and ESMS_GLPK_WRITE_LP.
    const char *path;
} esms_glpk_call;

/// Runs `call`. Returns 0 when GLPK returned normally (its return value, 0 for routines that
/// return nothing, in `*result`); returns 1 when GLPK reported an internal error: the thread's
/// GLPK environment has then been freed (every glp_prob of this thread is invalid, per-thread
/// settings such as glp_term_out are back to their defaults), the generation counter has grown
/// by one, and esms_glpk_failure_message() holds what GLPK printed.
/// Not reentrant: never call it from a GLPK callback (the guard of the outer call is active).
int esms_glpk_guarded(const esms_glpk_call *call, int *result);

/// The number of GLPK environments of this thread freed by the guard so far. A glp_prob created
/// under another generation belongs to a freed environment: do not pass it to GLPK any more.
unsigned long esms_glpk_generation(void);

/// What GLPK printed before its last caught error on this thread (NUL-terminated, may be empty).
const char *esms_glpk_failure_message(void);

#endif
