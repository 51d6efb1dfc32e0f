/* osl-deck-markup.h: the small text markup of card faces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OSL_MARKUP_PARAGRAPH,   /* a plain line */
  OSL_MARKUP_BULLET,      /* "- item", nested by two spaces per level */
  OSL_MARKUP_NUMBERED,    /* "1. item" */
  OSL_MARKUP_COMMAND,     /* "$ docker ps -a": a command line, monospace */
  OSL_MARKUP_GAP,         /* an empty line between paragraphs */
} OslMarkupKind;

typedef struct
{
  OslMarkupKind  kind;
  guint          level;   /* nesting of bullets, 0 at the top */
  guint          number;  /* of a numbered item */
  char          *text;    /* without the marker; may hold `code` spans */
} OslMarkupBlock;

/* Called for each run of @text: @code is TRUE inside `backticks`. */
typedef void (*OslMarkupSpanFunc) (const char *text,
                                   gsize       length,
                                   gboolean    code,
                                   gpointer    user_data);

GArray *osl_markup_parse_blocks  (const char        *text);
void    osl_markup_foreach_span  (const char        *text,
                                  OslMarkupSpanFunc  func,
                                  gpointer           user_data);
char   *osl_markup_to_plain      (const char        *text);

G_END_DECLS
