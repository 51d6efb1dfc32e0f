/* osl-deck-reader.c: a fast, strict reader for well-formed deck files
 *
 * json-glib builds a tree of GObjects and takes over a second for a deck
 * of 100,000 cards. This reader walks the text once and builds the cards
 * directly. It is stricter than the full parser and gives no messages:
 * whenever it refuses a file, osl_deck_parse () reads it again with
 * json-glib, which either accepts it or explains what is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "osl-deck-reader.h"

#define MAX_DEPTH 64

typedef struct
{
  const char *p;
  const char *end;
  GString    *buffer;   /* the last string read, unescaped */
  guint       depth;
} Reader;

static const char * const link_views[] = { "scheduling", "memory", "containers", "flashcards", NULL };

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\t' || *r->p == '\r'))
    r->p++;
}

static gboolean
accept (Reader *r,
        char    c)
{
  skip_space (r);
  if (r->p < r->end && *r->p == c)
    {
      r->p++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
read_hex4 (Reader  *r,
           guint   *value)
{
  guint v = 0;

  if (r->end - r->p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (r->p[i]);

      if (digit < 0)
        return FALSE;
      v = v * 16 + digit;
    }
  r->p += 4;
  *value = v;
  return TRUE;
}

static gboolean
read_escape (Reader *r)
{
  char c = *r->p++;
  guint unit, low;

  switch (c)
    {
    case '"': case '\\': case '/':
      g_string_append_c (r->buffer, c);
      return TRUE;
    case 'b': g_string_append_c (r->buffer, '\b'); return TRUE;
    case 'f': g_string_append_c (r->buffer, '\f'); return TRUE;
    case 'n': g_string_append_c (r->buffer, '\n'); return TRUE;
    case 'r': g_string_append_c (r->buffer, '\r'); return TRUE;
    case 't': g_string_append_c (r->buffer, '\t'); return TRUE;
    case 'u':
      if (!read_hex4 (r, &unit) || unit == 0 || (unit >= 0xdc00 && unit < 0xe000))
        return FALSE;
      if (unit >= 0xd800 && unit < 0xdc00)
        {
          if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u')
            return FALSE;
          r->p += 2;
          if (!read_hex4 (r, &low) || low < 0xdc00 || low >= 0xe000)
            return FALSE;
          unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        }
      g_string_append_unichar (r->buffer, unit);
      return TRUE;
    default:
      return FALSE;
    }
}

/* g_string_append_len () in short: a big deck's every string passes
 * through here, and most fit the buffer as it is. */
static void
buffer_append (GString    *buffer,
               const char *text,
               gsize       length)
{
  if (buffer->len + length >= buffer->allocated_len)
    {
      g_string_append_len (buffer, text, length);
      return;
    }
  memcpy (buffer->str + buffer->len, text, length);
  buffer->len += length;
  buffer->str[buffer->len] = '\0';
}

/* Reads a string into r->buffer. */
static gboolean
read_string (Reader *r)
{
  guchar seen = 0;   /* every byte ORed: ASCII text needs no UTF-8 check */

  if (!accept (r, '"'))
    return FALSE;
  r->buffer->len = 0;
  r->buffer->str[0] = '\0';
  while (TRUE)
    {
      const char *start = r->p, *p = r->p;

      while (p < r->end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
        seen |= (guchar) *p++;
      buffer_append (r->buffer, start, p - start);
      r->p = p;
      if (p >= r->end || (guchar) *p < 0x20)
        return FALSE;
      if (*r->p++ == '"')
        break;
      if (r->p >= r->end)
        return FALSE;
      if (*r->p == 'u')
        seen |= 0x80;   /* a “u” escape may stand for any character */
      if (!read_escape (r))
        return FALSE;
    }
  return seen < 0x80 || g_utf8_validate_len (r->buffer->str, r->buffer->len, NULL);
}

static char *
read_string_dup (Reader *r)
{
  return read_string (r) ? g_strndup (r->buffer->str, r->buffer->len) : NULL;
}

/* A JSON integer in [min, max], without fraction or exponent. */
static gboolean
read_int (Reader *r,
          gint64  min,
          gint64  max,
          gint64 *out)
{
  const char *start;
  gint64 value = 0;
  gboolean negative = FALSE;

  skip_space (r);
  start = r->p;
  if (r->p < r->end && *r->p == '-')
    {
      negative = TRUE;
      r->p++;
    }
  if (r->p >= r->end || !g_ascii_isdigit (*r->p) || (*r->p == '0' && r->p + 1 < r->end && g_ascii_isdigit (r->p[1])))
    return FALSE;
  while (r->p < r->end && g_ascii_isdigit (*r->p) && r->p - start < 12)
    value = value * 10 + (*r->p++ - '0');
  if (r->p < r->end && (g_ascii_isdigit (*r->p) || *r->p == '.' || *r->p == 'e' || *r->p == 'E'))
    return FALSE;
  value = negative ? -value : value;
  *out = value;
  return value >= min && value <= max;
}

static gboolean
read_literal (Reader     *r,
              const char *word)
{
  gsize length = strlen (word);

  skip_space (r);
  if ((gsize) (r->end - r->p) < length || memcmp (r->p, word, length) != 0)
    return FALSE;
  r->p += length;
  return TRUE;
}

static gboolean skip_value (Reader *r);

static gboolean
skip_container (Reader *r,
                char    close,
                gboolean object)
{
  if (++r->depth > MAX_DEPTH)
    return FALSE;
  if (accept (r, close))
    {
      r->depth--;
      return TRUE;
    }
  do
    {
      if (object && (!read_string (r) || !accept (r, ':')))
        return FALSE;
      if (!skip_value (r))
        return FALSE;
    }
  while (accept (r, ','));
  r->depth--;
  return accept (r, close);
}

/* Any JSON value, for members a deck does not use. */
static gboolean
skip_value (Reader *r)
{
  gint64 ignored;

  skip_space (r);
  if (r->p >= r->end)
    return FALSE;
  switch (*r->p)
    {
    case '"':
      return read_string (r);
    case '{':
      r->p++;
      return skip_container (r, '}', TRUE);
    case '[':
      r->p++;
      return skip_container (r, ']', FALSE);
    case 't':
      return read_literal (r, "true");
    case 'f':
      return read_literal (r, "false");
    case 'n':
      return read_literal (r, "null");
    default:
      /* Only members the deck ignores get here; a fraction or exponent
       * sends the file to the full parser, which is fine. */
      return read_int (r, G_MININT64 / 2, G_MAXINT64 / 2, &ignored);
    }
}

static gboolean
read_bool (Reader   *r,
           gboolean *out)
{
  if (read_literal (r, "true"))
    *out = TRUE;
  else if (read_literal (r, "false"))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
replace_string (Reader  *r,
                char   **field)
{
  char *value = read_string_dup (r);

  if (value == NULL)
    return FALSE;
  g_free (*field);
  *field = value;
  return TRUE;
}

#define MAX_TAGS 64

static gboolean
read_tags (Reader  *r,
           OslCard *card)
{
  char *tags[MAX_TAGS + 1];
  guint n = 0;
  gboolean ok = TRUE;

  if (!accept (r, '['))
    return FALSE;
  if (!accept (r, ']'))
    {
      do
        {
          if (!read_string (r) || r->buffer->len == 0 || strchr (r->buffer->str, ' ') != NULL || n == MAX_TAGS)
            {
              ok = FALSE;
              break;
            }
          tags[n++] = g_strndup (r->buffer->str, r->buffer->len);
        }
      while (accept (r, ','));
      ok = ok && accept (r, ']');
    }
  tags[n] = NULL;
  g_strfreev (card->tags);
  card->tags = g_memdup2 (tags, (n + 1) * sizeof (char *));
  return ok;
}

static gboolean
read_link (Reader  *r,
           OslCard *card)
{
  g_clear_pointer (&card->link_view, g_free);
  g_clear_pointer (&card->link_state, g_free);
  if (read_literal (r, "null"))
    return TRUE;
  if (!accept (r, '{'))
    return FALSE;
  if (!accept (r, '}'))
    {
      do
        {
          if (!read_string (r) || !accept (r, ':'))
            return FALSE;
          if (g_str_equal (r->buffer->str, "view"))
            {
              if (!replace_string (r, &card->link_view))
                return FALSE;
            }
          else if (g_str_equal (r->buffer->str, "state"))
            {
              if (!replace_string (r, &card->link_state))
                return FALSE;
            }
          else if (!skip_value (r))
            return FALSE;
        }
      while (accept (r, ','));
      if (!accept (r, '}'))
        return FALSE;
    }
  if (card->link_view == NULL || !g_strv_contains (link_views, card->link_view))
    return FALSE;
  if (card->link_state == NULL)
    card->link_state = g_strdup ("");
  return TRUE;
}

static gboolean
read_card_member (Reader  *r,
                  OslCard *card)
{
  char key[16];
  gint64 number;

  if (!read_string (r) || !accept (r, ':'))
    return FALSE;
  g_strlcpy (key, r->buffer->str, sizeof key);
  if (r->buffer->len >= sizeof key)
    return skip_value (r);
  if (g_str_equal (key, "id"))
    return replace_string (r, &card->id);
  if (g_str_equal (key, "front"))
    return replace_string (r, &card->front);
  if (g_str_equal (key, "back"))
    return replace_string (r, &card->back);
  if (g_str_equal (key, "note"))
    return replace_string (r, &card->note);
  if (g_str_equal (key, "tags"))
    return read_tags (r, card);
  if (g_str_equal (key, "link"))
    return read_link (r, card);
  if (g_str_equal (key, "suspended"))
    return read_bool (r, &card->suspended);
  if (g_str_equal (key, "number"))
    {
      if (!read_int (r, 0, 9999, &number))
        return FALSE;
      card->number = number;
      return TRUE;
    }
  return skip_value (r);
}

static OslCard *
read_card (Reader *r)
{
  g_autoptr(OslCard) card = osl_card_new (NULL, NULL, NULL);

  if (!accept (r, '{'))
    return NULL;
  if (!accept (r, '}'))
    {
      do
        if (!read_card_member (r, card))
          return NULL;
      while (accept (r, ','));
      if (!accept (r, '}'))
        return NULL;
    }
  if (!osl_card_id_is_valid (card->id) || card->front == NULL || *card->front == '\0' ||
      card->back == NULL || *card->back == '\0')
    return NULL;
  if (card->note != NULL && *card->note == '\0')
    g_clear_pointer (&card->note, g_free);
  return g_steal_pointer (&card);
}

static gboolean
read_cards (Reader  *r,
            OslDeck *deck)
{
  if (!accept (r, '['))
    return FALSE;
  if (accept (r, ']'))
    return TRUE;
  do
    {
      OslCard *card = read_card (r);

      if (card == NULL)
        return FALSE;
      if (osl_deck_lookup (deck, card->id) != NULL || osl_deck_get_n_cards (deck) >= OSL_DECK_MAX_CARDS)
        {
          osl_card_free (card);
          return FALSE;
        }
      osl_deck_add_card (deck, card);
    }
  while (accept (r, ','));
  return accept (r, ']');
}

/**
 * osl_deck_reader_read:
 *
 * Returns: (transfer full) (nullable): the deck when @data is a valid
 * deck file in plain form, else %NULL (then the full parser decides)
 */
OslDeck *
osl_deck_reader_read (const char *data,
                      gsize       length)
{
  Reader r = { data, data + length, g_string_sized_new (256), 0 };
  g_autoptr(OslDeck) cards = osl_deck_new (NULL, NULL);
  g_autofree char *format = NULL, *id = NULL, *title = NULL;
  gint64 version = 0;
  gboolean has_cards = FALSE, ok = accept (&r, '{');

  while (ok)
    {
      if (!read_string (&r) || !accept (&r, ':'))
        {
          ok = FALSE;
          break;
        }
      if (g_str_equal (r.buffer->str, "format"))
        ok = replace_string (&r, &format);
      else if (g_str_equal (r.buffer->str, "version"))
        ok = read_int (&r, 1, OSL_DECK_VERSION, &version);
      else if (g_str_equal (r.buffer->str, "id"))
        ok = replace_string (&r, &id);
      else if (g_str_equal (r.buffer->str, "title"))
        ok = replace_string (&r, &title);
      else if (g_str_equal (r.buffer->str, "cards") && !has_cards)
        ok = has_cards = read_cards (&r, cards);
      else
        ok = FALSE;   /* a repeated "cards" or anything unusual: the full parser */
      if (!ok || !accept (&r, ','))
        break;
    }
  ok = ok && accept (&r, '}');
  skip_space (&r);
  g_string_free (r.buffer, TRUE);
  if (!ok || r.p != r.end || !has_cards || version == 0 || g_strcmp0 (format, OSL_DECK_FORMAT) != 0)
    return NULL;
  osl_deck_set_identity (cards, id != NULL ? id : "deck", title);
  return g_steal_pointer (&cards);
}
