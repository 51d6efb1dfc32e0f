/* osl-proc-maps.h: a process's memory map from /proc/PID/maps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_PROC_MAPS_ERROR (osl_proc_maps_error_quark ())

typedef enum
{
  OSL_PROC_MAPS_ERROR_SYNTAX,
} OslProcMapsError;

typedef enum
{
  OSL_REGION_CODE,       /* executable file mapping */
  OSL_REGION_DATA,       /* file mapping, not executable */
  OSL_REGION_HEAP,
  OSL_REGION_STACK,
  OSL_REGION_ANONYMOUS,
  OSL_REGION_KERNEL,     /* [vdso], [vvar], [vsyscall] */
} OslRegionKind;

typedef struct
{
  guint64        start, end;   /* [start, end) */
  char           perms[5];     /* "r-xp" */
  guint64        offset;
  char          *path;         /* may be "" */
  OslRegionKind  kind;
} OslMapRegion;

GQuark      osl_proc_maps_error_quark (void);
GArray     *osl_proc_maps_parse       (const char  *text,
                                       GError     **error);
GArray     *osl_proc_maps_read_self   (GError     **error);
const char *osl_map_region_describe   (const OslMapRegion *region);

G_END_DECLS
