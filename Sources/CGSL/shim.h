#ifndef PAODONG_CGSL_SHIM_H
#define PAODONG_CGSL_SHIM_H

#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>

/* GSL's generator types are C globals; Swift 6 rejects them as shared mutable
   state. These accessors hand them over as plain function results. */
static inline const gsl_rng_type *paodong_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *paodong_rng_mt19937(void) { return gsl_rng_mt19937; }

/* Turn GSL's abort-on-error handler off once; callers check arguments first. */
static inline void paodong_gsl_quiet(void) { gsl_set_error_handler_off(); }

/* A hint to fetch the cache line at p before it is read (or written): the hall sessions meet
   their visits and outcomes at random places in the chunks' memory. */
static inline void paodong_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }
static inline void paodong_prefetch_write(void *p) { __builtin_prefetch(p, 1, 3); }

#endif
