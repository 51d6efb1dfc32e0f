/* osl-py-random.h: CPython's random.random(), bit for bit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_PY_RANDOM_STATE_WORDS 624

/* A plain value: copy it to remember a point in the stream. */
typedef struct
{
  guint32 mt[OSL_PY_RANDOM_STATE_WORDS];
  guint   index;
} OslPyRandom;

void     osl_py_random_seed        (OslPyRandom *self,
                                    gint64       seed);
guint32  osl_py_random_next_uint32 (OslPyRandom *self);
double   osl_py_random_random      (OslPyRandom *self);

G_END_DECLS
