/* osl-js-number.h: a double as JavaScript's Number.prototype.toString () prints it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Long enough for "-1.2345678901234567e-308" and its terminator. */
#define OSL_JS_NUMBER_BUFFER_SIZE 32

gsize  osl_js_number_format  (double  value,
                              char    out[OSL_JS_NUMBER_BUFFER_SIZE]);

G_END_DECLS
