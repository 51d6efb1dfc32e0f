/* osl-overlay.h: OverlayFS, the copy-on-write filesystem under a container
 *
 * A mount stacks read-only lower layers (image layers, shared by every
 * container of the image) under one writable upper layer (the container
 * layer). The rules follow the kernel's overlayfs documentation: the upper
 * hides a lower entry of the same name unless both are directories (then
 * they merge); the first write to a lower file copies the whole file up;
 * deleting a lower name leaves a whiteout; a directory created where a
 * whiteout was is opaque; renaming a lower directory fails with EXDEV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_OVERLAY_ERROR (osl_overlay_error_quark ())

typedef enum
{
  OSL_OVERLAY_ERROR_NOT_FOUND,    /* ENOENT */
  OSL_OVERLAY_ERROR_NOT_DIR,      /* ENOTDIR */
  OSL_OVERLAY_ERROR_IS_DIR,       /* EISDIR */
  OSL_OVERLAY_ERROR_EXISTS,       /* EEXIST */
  OSL_OVERLAY_ERROR_NOT_EMPTY,    /* ENOTEMPTY */
  OSL_OVERLAY_ERROR_CROSS_DEVICE, /* EXDEV */
  OSL_OVERLAY_ERROR_INVALID,      /* not an absolute path */
} OslOverlayError;

typedef enum
{
  OSL_OVERLAY_FILE,
  OSL_OVERLAY_DIR,
  OSL_OVERLAY_WHITEOUT,   /* character device 0/0 in the upper layer */
} OslOverlayKind;

typedef struct
{
  OslOverlayKind  kind;
  char           *content;   /* FILE only */
  gboolean        opaque;    /* DIR only: trusted.overlay.opaque="y" */
} OslOverlayEntry;

/* What a write or delete did to the upper layer, for the view to show. */
typedef enum
{
  OSL_OVERLAY_CHANGE_NONE,
  OSL_OVERLAY_CHANGE_CREATED,     /* new name in the upper layer */
  OSL_OVERLAY_CHANGE_MODIFIED,    /* the upper copy changed */
  OSL_OVERLAY_CHANGE_COPIED_UP,   /* whole file copied from a lower layer, then changed */
  OSL_OVERLAY_CHANGE_DELETED,     /* an upper-only name went away */
  OSL_OVERLAY_CHANGE_WHITEOUT,    /* a lower name is now hidden by a whiteout */
  OSL_OVERLAY_CHANGE_OPAQUE,      /* a directory re-created over a whiteout */
} OslOverlayChange;

typedef struct
{
  OslOverlayChange  change;
  gsize             copied_bytes;  /* COPIED_UP: the whole file, not a block */
  int               from_layer;    /* COPIED_UP: index of the lower it came from */
} OslOverlayResult;

typedef struct _OslOverlayLayer OslOverlayLayer;
typedef struct _OslOverlay OslOverlay;

GQuark                 osl_overlay_error_quark       (void);

OslOverlayLayer       *osl_overlay_layer_new         (const char       *label);
OslOverlayLayer       *osl_overlay_layer_ref         (OslOverlayLayer  *layer);
void                   osl_overlay_layer_unref       (OslOverlayLayer  *layer);
const char            *osl_overlay_layer_get_label   (OslOverlayLayer  *layer);
void                   osl_overlay_layer_add_file    (OslOverlayLayer  *layer,
                                                      const char       *path,
                                                      const char       *content);
void                   osl_overlay_layer_add_dir     (OslOverlayLayer  *layer,
                                                      const char       *path);
const OslOverlayEntry *osl_overlay_layer_lookup      (OslOverlayLayer  *layer,
                                                      const char       *path);
GPtrArray             *osl_overlay_layer_list_paths  (OslOverlayLayer  *layer);
guint                  osl_overlay_layer_get_n_entries (OslOverlayLayer *layer);
gsize                  osl_overlay_layer_get_size    (OslOverlayLayer  *layer);
OslOverlayLayer       *osl_overlay_layer_copy        (OslOverlayLayer  *layer,
                                                      const char       *label);
char                  *osl_overlay_layer_digest      (OslOverlayLayer  *layer);

OslOverlay            *osl_overlay_new               (OslOverlayLayer **lowers,
                                                      guint             n_lowers);
void                   osl_overlay_free              (OslOverlay       *overlay);
guint                  osl_overlay_get_n_lowers      (OslOverlay       *overlay);
OslOverlayLayer       *osl_overlay_get_lower         (OslOverlay       *overlay,
                                                      guint             index);
OslOverlayLayer       *osl_overlay_get_upper         (OslOverlay       *overlay);

const OslOverlayEntry *osl_overlay_lookup            (OslOverlay       *overlay,
                                                      const char       *path,
                                                      int              *layer_out,
                                                      GError          **error);
char                  *osl_overlay_read              (OslOverlay       *overlay,
                                                      const char       *path,
                                                      int              *layer_out,
                                                      GError          **error);
GPtrArray             *osl_overlay_list              (OslOverlay       *overlay,
                                                      const char       *dir,
                                                      GError          **error);
gboolean               osl_overlay_write             (OslOverlay       *overlay,
                                                      const char       *path,
                                                      const char       *content,
                                                      gboolean          append,
                                                      OslOverlayResult *result,
                                                      GError          **error);
gboolean               osl_overlay_mkdir             (OslOverlay       *overlay,
                                                      const char       *path,
                                                      OslOverlayResult *result,
                                                      GError          **error);
gboolean               osl_overlay_remove            (OslOverlay       *overlay,
                                                      const char       *path,
                                                      gboolean          recursive,
                                                      OslOverlayResult *result,
                                                      GError          **error);
gboolean               osl_overlay_rename            (OslOverlay       *overlay,
                                                      const char       *from,
                                                      const char       *to,
                                                      OslOverlayResult *result,
                                                      GError          **error);

/* The upper layer index reported by lookups; lowers are 0 (top) … n−1. */
#define OSL_OVERLAY_UPPER (-1)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslOverlayLayer, osl_overlay_layer_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslOverlay, osl_overlay_free)

G_END_DECLS
