/* osl-deck-markup.c: the small text markup of card faces
 *
 * Lecture cards are lists, command lines and register names; this
 * markup keeps them readable as plain text in the deck file and lets the
 * review page and the class-mode scene render them properly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-deck-markup.h"

static void
clear_block (OslMarkupBlock *block)
{
  g_free (block->text);
}

static gboolean
parse_numbered (const char *line,
                guint      *number,
                const char **rest)
{
  const char *p = line;
  guint value = 0;

  while (g_ascii_isdigit (*p) && p - line < 4)
    value = value * 10 + (*p++ - '0');
  if (p == line || p[0] != '.' || p[1] != ' ')
    return FALSE;
  *number = value;
  *rest = p + 2;
  return TRUE;
}

static OslMarkupBlock
parse_line (const char *line)
{
  OslMarkupBlock block = { OSL_MARKUP_PARAGRAPH, 0, 0, NULL };
  guint spaces = 0;
  const char *rest;

  while (line[spaces] == ' ')
    spaces++;
  rest = line + spaces;
  if (*rest == '\0')
    block.kind = OSL_MARKUP_GAP;
  else if (g_str_has_prefix (rest, "- "))
    {
      block.kind = OSL_MARKUP_BULLET;
      block.level = spaces / 2;
      rest += 2;
    }
  else if (g_str_has_prefix (rest, "$ "))
    block.kind = OSL_MARKUP_COMMAND;   /* the prompt stays: it says "type this" */
  else if (parse_numbered (rest, &block.number, &rest))
    {
      block.kind = OSL_MARKUP_NUMBERED;
      block.level = spaces / 2;
    }
  else
    rest = line;
  block.text = g_strdup (rest);
  return block;
}

/**
 * osl_markup_parse_blocks:
 *
 * Returns: (transfer full): an array of #OslMarkupBlock, one per line;
 * runs of empty lines become one %OSL_MARKUP_GAP.
 */
GArray *
osl_markup_parse_blocks (const char *text)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (OslMarkupBlock));
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  g_array_set_clear_func (blocks, (GDestroyNotify) clear_block);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      OslMarkupBlock block = parse_line (g_strchomp (lines[i]));
      gboolean after_gap = blocks->len == 0 ||
                           g_array_index (blocks, OslMarkupBlock, blocks->len - 1).kind == OSL_MARKUP_GAP;

      if (block.kind == OSL_MARKUP_GAP && after_gap)
        {
          clear_block (&block);
          continue;
        }
      g_array_append_val (blocks, block);
    }
  while (blocks->len > 0 &&
         g_array_index (blocks, OslMarkupBlock, blocks->len - 1).kind == OSL_MARKUP_GAP)
    g_array_set_size (blocks, blocks->len - 1);
  return blocks;
}

/**
 * osl_markup_foreach_span:
 *
 * Splits one line at `backticks`. An unmatched backtick is plain text,
 * so a stray one never swallows the rest of a card.
 */
void
osl_markup_foreach_span (const char        *text,
                         OslMarkupSpanFunc  func,
                         gpointer           user_data)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *open = strchr (p, '`');
      const char *close = open != NULL ? strchr (open + 1, '`') : NULL;

      if (open == NULL || close == NULL || close == open + 1)
        {
          func (p, strlen (p), FALSE, user_data);
          return;
        }
      if (open > p)
        func (p, open - p, FALSE, user_data);
      func (open + 1, close - open - 1, TRUE, user_data);
      p = close + 1;
    }
}

static void
append_span_cb (const char *text,
                gsize       length,
                gboolean    code,
                gpointer    user_data)
{
  g_string_append_len (user_data, text, length);
}

/**
 * osl_markup_to_plain:
 *
 * Returns: (transfer full): @text without backticks, for searching,
 * sorting and accessible descriptions.
 */
char *
osl_markup_to_plain (const char *text)
{
  GString *plain = g_string_new (NULL);

  osl_markup_foreach_span (text != NULL ? text : "", append_span_cb, plain);
  return g_string_free (plain, FALSE);
}
