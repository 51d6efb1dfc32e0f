/* osl-deck-anki.c: Anki's plain-text import format (CSV, TSV, …)
 *
 * The format: optional header lines "#key:value" first (#separator,
 * #html, #columns, #tags, #guid column, #tags column, …), then one note
 * per row. Fields may be "quoted", with "" for a quote and with line
 * breaks or separators inside. The first column is the front, the second
 * the back, unless #columns names them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "osl-deck-anki.h"

typedef struct
{
  const char *data;
  const char *end;
  const char *p;
  guint       line;
  const char *line_start;
} Reader;

typedef struct
{
  char      separator;
  gboolean  html;
  gint      front_column;   /* 0-based; -1 when absent */
  gint      back_column;
  gint      tags_column;
  gint      guid_column;
  gint      note_column;
  GStrv     tags;           /* added to every card (#tags:) */
} Header;

static guint
reader_column (Reader *reader)
{
  return g_utf8_strlen (reader->line_start, reader->p - reader->line_start) + 1;
}

static void
reader_newline (Reader *reader)
{
  reader->line++;
  reader->line_start = reader->p;
}

static gboolean
parse_separator (const char  *value,
                 char        *separator)
{
  static const struct { const char *name; char c; } names[] = {
    { "tab", '\t' }, { "comma", ',' }, { "semicolon", ';' },
    { "pipe", '|' }, { "colon", ':' }, { "space", ' ' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (value, names[i].name) == 0)
      {
        *separator = names[i].c;
        return TRUE;
      }
  if (strlen (value) == 1 && value[0] != '"' && value[0] != '#')
    {
      *separator = value[0];
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_bool (const char *value,
            gboolean   *out)
{
  if (g_ascii_strcasecmp (value, "true") == 0 || g_str_equal (value, "1"))
    *out = TRUE;
  else if (g_ascii_strcasecmp (value, "false") == 0 || g_str_equal (value, "0"))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

static void
assign_column_names (Header     *header,
                     const char *value)
{
  g_autofree char *separators = g_strdup_printf ("%c", header->separator);
  g_auto(GStrv) names = g_strsplit (value, separators, -1);

  header->front_column = header->back_column = -1;
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip (names[i]), -1);

      if (g_str_equal (name, "front") || g_str_equal (name, "question"))
        header->front_column = i;
      else if (g_str_equal (name, "back") || g_str_equal (name, "answer"))
        header->back_column = i;
      else if (g_str_equal (name, "tags"))
        header->tags_column = i;
      else if (g_str_equal (name, "guid") || g_str_equal (name, "id"))
        header->guid_column = i;
      else if (g_str_equal (name, "note") || g_str_equal (name, "extra"))
        header->note_column = i;
    }
}

static gboolean
parse_column_number (const char *value,
                     gint       *column)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (value, 10, 1, 1000, &number, NULL))
    return FALSE;
  *column = number - 1;
  return TRUE;
}

/* One "#key:value" line. Keys OS Lens has no use for (#deck, #notetype)
 * are accepted and ignored, as Anki would use them for its own
 * collection. */
static gboolean
parse_header_line (Header      *header,
                   const char  *line,
                   guint        line_number,
                   GError     **error)
{
  g_autofree char *key = NULL;
  const char *colon = strchr (line, ':');
  const char *value;
  gboolean ok = TRUE;

  if (colon == NULL)
    return TRUE;   /* a comment */
  key = g_ascii_strdown (line + 1, colon - line - 1);
  value = colon + 1;
  if (g_str_equal (key, "separator"))
    ok = parse_separator (value, &header->separator);
  else if (g_str_equal (key, "html"))
    ok = parse_bool (value, &header->html);
  else if (g_str_equal (key, "columns"))
    assign_column_names (header, value);
  else if (g_str_equal (key, "tags"))
    {
      g_strfreev (header->tags);
      header->tags = g_strsplit_set (g_strstrip ((char *) value), " ", -1);
    }
  else if (g_str_equal (key, "guid column"))
    ok = parse_column_number (value, &header->guid_column);
  else if (g_str_equal (key, "tags column"))
    ok = parse_column_number (value, &header->tags_column);
  if (!ok)
    g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_FIELD,
                 _("Line %u, column %u: “%s” is not a valid value for #%s."),
                 line_number, (guint) (colon - line) + 2, value, key);
  return ok;
}

/* Anki guesses the separator from the first row when no header names it:
 * a tab wins, then a semicolon, then a comma. */
static char
guess_separator (const char *row,
                 const char *end)
{
  const char *eol = memchr (row, '\n', end - row);
  const char *stop = eol != NULL ? eol : end;

  if (memchr (row, '\t', stop - row) != NULL)
    return '\t';
  if (memchr (row, ';', stop - row) != NULL)
    return ';';
  return ',';
}

static gboolean
read_quoted_field (Reader   *reader,
                   GString  *field,
                   GError  **error)
{
  guint open_line = reader->line;
  guint open_column = reader_column (reader);

  reader->p++;
  while (reader->p < reader->end)
    {
      char c = *reader->p;

      if (c == '"')
        {
          if (reader->p + 1 < reader->end && reader->p[1] == '"')
            {
              g_string_append_c (field, '"');
              reader->p += 2;
              continue;
            }
          reader->p++;
          return TRUE;
        }
      g_string_append_c (field, c);
      reader->p++;
      if (c == '\n')
        reader_newline (reader);
    }
  g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_SYNTAX,
               _("Line %u, column %u: the quoted field that starts here is never closed by a \"."),
               open_line, open_column);
  return FALSE;
}

/* Reads one row into @fields; returns FALSE at the end of the data or on
 * an error. */
static gboolean
read_row (Reader     *reader,
          char        separator,
          GPtrArray  *fields,
          GError    **error)
{
  g_ptr_array_set_size (fields, 0);
  if (reader->p >= reader->end)
    return FALSE;
  while (TRUE)
    {
      GString *field = g_string_new (NULL);

      if (reader->p < reader->end && *reader->p == '"')
        {
          if (!read_quoted_field (reader, field, error))
            {
              g_string_free (field, TRUE);
              return FALSE;
            }
          if (reader->p < reader->end && *reader->p != separator &&
              *reader->p != '\n' && *reader->p != '\r')
            {
              g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_SYNTAX,
                           _("Line %u, column %u: text follows a closing quote; write \"\" for a quote inside a quoted field."),
                           reader->line, reader_column (reader));
              g_string_free (field, TRUE);
              return FALSE;
            }
        }
      else
        {
          while (reader->p < reader->end && *reader->p != separator &&
                 *reader->p != '\n' && *reader->p != '\r')
            g_string_append_c (field, *reader->p++);
        }
      g_ptr_array_add (fields, g_string_free (field, FALSE));
      if (reader->p < reader->end && *reader->p == separator)
        {
          reader->p++;
          continue;
        }
      if (reader->p < reader->end && *reader->p == '\r')
        reader->p++;
      if (reader->p < reader->end && *reader->p == '\n')
        {
          reader->p++;
          reader_newline (reader);
        }
      return TRUE;
    }
}

/* With #html:true (Anki's default) fields are HTML: line breaks are
 * <br> or <div>, and the text itself is escaped. */
static char *
html_to_text (const char *html)
{
  GString *text = g_string_new (NULL);
  const char *p = html;

  while (*p != '\0')
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');
          g_autofree char *tag = NULL;

          if (close == NULL)
            {
              g_string_append (text, p);
              break;
            }
          tag = g_ascii_strdown (p + 1, close - p - 1);
          if (g_str_has_prefix (tag, "br") || g_str_equal (tag, "/div") || g_str_equal (tag, "/p") ||
              g_str_equal (tag, "/li"))
            g_string_append_c (text, '\n');
          else if (g_str_equal (tag, "li"))
            g_string_append (text, "- ");
          else if (g_str_equal (tag, "code") || g_str_equal (tag, "/code"))
            g_string_append_c (text, '`');
          p = close + 1;
          continue;
        }
      if (*p == '&')
        {
          static const struct { const char *entity; const char *text; } entities[] = {
            { "&lt;", "<" }, { "&gt;", ">" }, { "&amp;", "&" }, { "&quot;", "\"" },
            { "&#39;", "'" }, { "&nbsp;", " " },
          };
          gboolean known = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !known; i++)
            if (g_str_has_prefix (p, entities[i].entity))
              {
                g_string_append (text, entities[i].text);
                p += strlen (entities[i].entity);
                known = TRUE;
              }
          if (known)
            continue;
        }
      g_string_append_c (text, *p++);
    }
  return g_strstrip (g_string_free (text, FALSE));
}

static char *
field_text (const Header *header,
            GPtrArray    *fields,
            gint          column)
{
  const char *raw;

  if (column < 0 || (guint) column >= fields->len)
    return NULL;
  raw = g_ptr_array_index (fields, column);
  return header->html ? html_to_text (raw) : g_strstrip (g_strdup (raw));
}

static GStrv
row_tags (const Header *header,
          GPtrArray    *fields)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv tags;

  if (header->tags != NULL)
    for (guint i = 0; header->tags[i] != NULL; i++)
      if (*header->tags[i] != '\0')
        g_strv_builder_add (builder, header->tags[i]);
  if (header->tags_column >= 0 && (guint) header->tags_column < fields->len)
    {
      g_auto(GStrv) words = g_strsplit_set (g_ptr_array_index (fields, header->tags_column), " \t", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          g_strv_builder_add (builder, words[i]);
    }
  tags = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return tags;
}

static OslCard *
row_to_card (const Header  *header,
             OslDeck       *deck,
             GPtrArray     *fields,
             guint          line,
             GError       **error)
{
  g_autofree char *front = field_text (header, fields, header->front_column);
  g_autofree char *back = field_text (header, fields, header->back_column);
  g_autofree char *guid = field_text (header, fields, header->guid_column);
  g_autofree char *id = NULL;
  OslCard *card;

  if (front == NULL || back == NULL || *front == '\0' || *back == '\0')
    {
      g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_EMPTY,
                   _("Line %u: the row has no %s; each row needs a front and a back separated by “%s”."),
                   line, front == NULL || *front == '\0' ? _("front") : _("back"),
                   header->separator == '\t' ? _("a tab") : (char[]) { header->separator, '\0' });
      return NULL;
    }
  if (guid != NULL && *guid != '\0')
    {
      if (!osl_card_id_is_valid (guid))
        {
          g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_FIELD,
                       _("Line %u: the id “%s” is not 1 to 64 letters, digits, “-”, “_” or “.”."),
                       line, guid);
          return NULL;
        }
      id = g_strdup (guid);
    }
  else
    id = osl_deck_make_card_id (NULL, front);   /* the same question updates its card */
  card = osl_card_new (id, front, back);
  g_strfreev (card->tags);
  card->tags = row_tags (header, fields);
  card->note = field_text (header, fields, header->note_column);
  if (card->note != NULL && *card->note == '\0')
    g_clear_pointer (&card->note, g_free);
  return card;
}

static gboolean
read_header (Reader  *reader,
             Header  *header,
             GError **error)
{
  gboolean separator_named = FALSE;

  while (reader->p < reader->end && *reader->p == '#')
    {
      const char *eol = memchr (reader->p, '\n', reader->end - reader->p);
      const char *stop = eol != NULL ? eol : reader->end;
      g_autofree char *line = g_strndup (reader->p, stop - reader->p);

      g_strchomp (line);
      if (g_str_has_prefix (line, "#separator:"))
        separator_named = TRUE;
      if (!parse_header_line (header, line, reader->line, error))
        return FALSE;
      reader->p = eol != NULL ? eol + 1 : reader->end;
      reader_newline (reader);
    }
  if (!separator_named)
    header->separator = guess_separator (reader->p, reader->end);
  return TRUE;
}

/**
 * osl_deck_anki_parse:
 * @deck_id: the id of the new deck
 *
 * Reads Anki's text format. A row whose id (the #guid column) or whose
 * question matches an earlier row replaces it, as Anki updates rather
 * than duplicates.
 *
 * Returns: (transfer full): a deck, or %NULL with @error naming the line
 * and column
 */
OslDeck *
osl_deck_anki_parse (const char  *data,
                     gssize       length,
                     const char  *deck_id,
                     GError     **error)
{
  Reader reader;
  Header header = { ',', TRUE, 0, 1, -1, -1, -1, NULL };
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(OslDeck) deck = osl_deck_new (deck_id, deck_id);
  gboolean ok = TRUE;

  if (length < 0)
    length = strlen (data);
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_SYNTAX,
                   _("The file is not UTF-8 text; save it as UTF-8 and import it again."));
      return NULL;
    }
  reader.data = reader.p = reader.line_start = data;
  reader.end = data + length;
  reader.line = 1;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    reader.p = reader.line_start = data + 3;

  if (!read_header (&reader, &header, error))
    ok = FALSE;
  while (ok)
    {
      guint line = reader.line;
      g_autoptr(GError) row_error = NULL;
      OslCard *card;
      gint index;

      if (!read_row (&reader, header.separator, fields, &row_error))
        {
          if (row_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&row_error));
              ok = FALSE;
            }
          break;
        }
      if (fields->len == 1 && *(char *) g_ptr_array_index (fields, 0) == '\0')
        continue;   /* an empty line */
      card = row_to_card (&header, deck, fields, line, error);
      if (card == NULL)
        {
          ok = FALSE;
          break;
        }
      index = osl_deck_index_of (deck, card->id);
      if (index >= 0)
        osl_deck_replace_card (deck, index, card);
      else
        osl_deck_add_card (deck, card);
      if (osl_deck_get_n_cards (deck) > OSL_DECK_MAX_CARDS)
        {
          g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_FIELD,
                       _("Line %u: the file has more than %u cards."), line, OSL_DECK_MAX_CARDS);
          ok = FALSE;
        }
    }
  g_strfreev (header.tags);
  if (ok && osl_deck_get_n_cards (deck) == 0)
    {
      g_set_error (error, OSL_DECK_ERROR, OSL_DECK_ERROR_EMPTY,
                   _("The file has no cards: each line needs a front and a back."));
      ok = FALSE;
    }
  return ok ? g_steal_pointer (&deck) : NULL;
}

static void
append_field (GString    *out,
              const char *text)
{
  if (strpbrk (text, "\t\n\r\"") == NULL && *text != '#')
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * osl_deck_anki_export:
 *
 * Returns: (transfer full): the deck as tab-separated text with Anki's
 * headers, plain text (no HTML) so that placeholders like <student>
 * survive, and the ids in a GUID column so that re-importing updates.
 */
char *
osl_deck_anki_export (OslDeck *deck)
{
  GString *out = g_string_new ("#separator:tab\n#html:false\n"
                               "#columns:GUID\tFront\tBack\tTags\tNote\n"
                               "#guid column:1\n#tags column:4\n");

  for (guint i = 0; i < osl_deck_get_n_cards (deck); i++)
    {
      OslCard *card = osl_deck_get_card (deck, i);
      g_autofree char *tags = g_strjoinv (" ", card->tags);

      append_field (out, card->id);
      g_string_append_c (out, '\t');
      append_field (out, card->front);
      g_string_append_c (out, '\t');
      append_field (out, card->back);
      g_string_append_c (out, '\t');
      append_field (out, tags);
      g_string_append_c (out, '\t');
      append_field (out, card->note != NULL ? card->note : "");
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
