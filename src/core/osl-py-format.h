/* osl-py-format.h: Python's number parsing and printing, where C differs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean osl_py_parse_int            (const char *text,
                                      guint       base,
                                      gint64     *value);
gboolean osl_py_parse_float          (const char *text,
                                      double     *value);

void     osl_py_append_float_str     (GString    *out,
                                      double      value);
char    *osl_py_float_str            (double      value);
gboolean osl_py_append_float_as_int  (GString    *out,
                                      guint       width,
                                      double      value);
void     osl_py_append_fixed         (GString    *out,
                                      guint       width,
                                      guint       precision,
                                      double      value);
void     osl_py_append_hex           (GString    *out,
                                      guint       width,
                                      gint64      value);
void     osl_py_append_str_repr      (GString    *out,
                                      const char *text);

G_END_DECLS
