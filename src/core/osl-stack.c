/* osl-stack.c: the software stacks of the lecture, bottom to top
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "osl-stack.h"

G_DEFINE_QUARK (osl-stack-error-quark, osl_stack_error)

#define HARDWARE_LAYER(detail, words) \
  { "hardware", OSL_LAYER_HARDWARE, N_("Hardware"), detail, words, OSL_VMX_NONE, -1, 1 }

static const OslStackLayer bare_metal_layers[] = {
  HARDWARE_LAYER (N_("CPU, memory, disks, network cards"),
                  N_("The physical machine. With nothing in between, one operating system owns all of it.")),
  { "kernel", OSL_LAYER_KERNEL, N_("Operating system kernel"), N_("Linux, Windows, macOS"),
    N_("The one kernel runs in ring 0, the CPU's most privileged level: it alone may execute privileged "
       "instructions, program devices and change page tables (CR3). Processes reach it through system calls."),
    OSL_VMX_NONE, 0, 1 },
  { "libs", OSL_LAYER_LIBRARIES, N_("Binaries and libraries"), N_("libc, shells, tools"),
    N_("Programs and shared libraries installed once for the whole machine; every application uses the same versions."),
    OSL_VMX_NONE, 3, 1 },
  { "apps", OSL_LAYER_APP, N_("Applications"), N_("processes in ring 3"),
    N_("Applications run as processes in ring 3. Processes are isolated from each other only by the kernel's "
       "virtual memory and permissions; they see the same files, network and process list."),
    OSL_VMX_NONE, 3, 2 },
};

static const OslStackLayer type1_layers[] = {
  HARDWARE_LAYER (N_("CPU with VT-x / AMD-V, EPT / NPT, VT-d"),
                  N_("The physical server. Its CPU has hardware support for virtualization: VT-x or AMD SVM for "
                     "the CPU, EPT or NPT for memory, VT-d or AMD-Vi for devices.")),
  { "hypervisor", OSL_LAYER_HYPERVISOR, N_("Type 1 hypervisor (VMM)"), N_("KVM, Xen, Hyper-V"),
    N_("Installed directly on the hardware as the most privileged software (bare-metal, native). It runs in "
       "VMX root mode, ring 0, controls all CPUs, memory and devices, and gives each VM a virtual machine that "
       "looks identical to a real one. The preferred architecture of public clouds. Whether KVM is Type 1 is "
       "debated: it turns the Linux kernel itself into the hypervisor, so it is usually called Type 1, "
       "sometimes hosted."),
    OSL_VMX_ROOT, 0, 1 },
  { "guest-os", OSL_LAYER_KERNEL, N_("Guest OS kernel"), N_("one full OS per VM"),
    N_("Each VM boots its own complete kernel. It still runs in ring 0, but in VMX non-root mode: ordinary "
       "instructions run directly on the CPU at full speed, sensitive ones (HLT, CPUID, I/O, some CR writes) "
       "cause a VM exit to the hypervisor."),
    OSL_VMX_NON_ROOT, 0, 2 },
  { "guest-libs", OSL_LAYER_LIBRARIES, N_("Bins / libs"), N_("inside each VM"),
    N_("Each VM has its own filesystem with its own binaries and libraries, on a virtual disk."),
    OSL_VMX_NON_ROOT, 3, 2 },
  { "guest-apps", OSL_LAYER_APP, N_("Apps"), N_("VMX non-root, ring 3"),
    N_("Applications in a VM run in ring 3 of the guest, in VMX non-root mode. A system call goes to the "
       "guest kernel without involving the hypervisor."),
    OSL_VMX_NON_ROOT, 3, 2 },
};

static const OslStackLayer type2_layers[] = {
  HARDWARE_LAYER (N_("a desktop or laptop"),
                  N_("An ordinary computer, usually with VT-x or AMD-V, which hosted hypervisors use when present.")),
  { "host-os", OSL_LAYER_KERNEL, N_("Host OS"), N_("Windows, Linux, macOS"),
    N_("An existing operating system owns the hardware. Its kernel runs in ring 0; the hypervisor's kernel "
       "driver (for example vboxdrv) also runs here and switches the CPU into VMX operation."),
    OSL_VMX_ROOT, 0, 1 },
  { "hypervisor", OSL_LAYER_HYPERVISOR, N_("Type 2 hypervisor"), N_("VirtualBox, UTM, VMware Workstation"),
    N_("Installed as an application on the host OS (hosted architecture). Its user interface and device "
       "emulation are ring-3 processes of the host: VMX root mode, ring 3, like the VM management utilities "
       "of card 31. It competes with other host applications for the CPU."),
    OSL_VMX_ROOT, 3, 1 },
  { "guest-os", OSL_LAYER_KERNEL, N_("Guest OS kernel"), N_("one full OS per VM"),
    N_("As with Type 1, each VM boots its own kernel in VMX non-root mode, ring 0."),
    OSL_VMX_NON_ROOT, 0, 2 },
  { "guest-libs", OSL_LAYER_LIBRARIES, N_("Bins / libs"), N_("inside each VM"),
    N_("Each VM has its own binaries and libraries on its virtual disk (a file on the host)."),
    OSL_VMX_NON_ROOT, 3, 2 },
  { "guest-apps", OSL_LAYER_APP, N_("Apps"), N_("VMX non-root, ring 3"),
    N_("Guest applications in ring 3, VMX non-root mode."),
    OSL_VMX_NON_ROOT, 3, 2 },
};

static const OslStackLayer containers_layers[] = {
  HARDWARE_LAYER (N_("infrastructure"),
                  N_("The machine, physical or itself a VM (as in the cloud lab).")),
  { "host-os", OSL_LAYER_KERNEL, N_("Host OS kernel (shared)"), N_("one Linux kernel, shared by all containers"),
    N_("There is exactly one kernel, in ring 0, and every container's processes make system calls to it. "
       "That is why containers are light, and why isolation is weaker: a kernel vulnerability can affect all "
       "containers. The kernel isolates them with namespaces (what they see), cgroups (how much they use), "
       "capabilities and seccomp."),
    OSL_VMX_NONE, 0, 1 },
  { "engine", OSL_LAYER_ENGINE, N_("Container engine"), N_("dockerd → containerd → runc"),
    N_("The engine is ordinary ring-3 software: dockerd takes the commands, containerd manages images and "
       "containers, and runc asks the kernel for namespaces and cgroups and starts the container's first "
       "process. It emulates no hardware."),
    OSL_VMX_NONE, 3, 1 },
  { "container-libs", OSL_LAYER_LIBRARIES, N_("Bins / libs"), N_("image layers (copy-on-write)"),
    N_("Each container sees the binaries and libraries of its image: read-only image layers, shared by all "
       "containers of that image, plus a thin writable layer of its own (OverlayFS)."),
    OSL_VMX_NONE, 3, 2 },
  { "container-apps", OSL_LAYER_APP, N_("App"), N_("a sandboxed process, ring 3"),
    N_("A container is a sandboxed process on the host OS, isolated from all other processes: it is PID 1 "
       "in its own PID namespace, has its own hostname, network interfaces and mounts, and limits from "
       "cgroups. On the host it is just another process with an ordinary PID."),
    OSL_VMX_NONE, 3, 2 },
};

static const OslStackLayer language_vm_layers[] = {
  HARDWARE_LAYER (N_("any CPU"),
                  N_("Any machine for which a JVM exists.")),
  { "kernel", OSL_LAYER_KERNEL, N_("Operating system"), N_("Linux, Windows, macOS"),
    N_("An ordinary OS kernel in ring 0; the language VM is just one of its processes."),
    OSL_VMX_NONE, 0, 1 },
  { "jvm", OSL_LAYER_RUNTIME, N_("Language VM"), N_("JVM (Java Virtual Machine)"),
    N_("A process that provides a virtual runtime environment for one programming language. It runs "
       "bytecode, not machine code of a virtual CPU: it interprets or compiles it just in time, and "
       "manages memory with a garbage collector."),
    OSL_VMX_NONE, 3, 1 },
  { "bytecode", OSL_LAYER_APP, N_("Java program (bytecode)"), N_("write once, run anywhere"),
    N_("The same .class or .jar file runs unchanged on every OS that has a JVM: the language VM hides the "
       "OS and the CPU (cross-OS). It is not isolation: programs share the OS like any other process."),
    OSL_VMX_NONE, 3, 2 },
};

static const OslStack stacks[OSL_N_STACKS] = {
  { OSL_STACK_BARE_METAL, "bare-metal", N_("Bare metal"), N_("no virtualization"),
    N_("One OS owns the hardware."), N_("app"),
    bare_metal_layers, G_N_ELEMENTS (bare_metal_layers), 3,
    N_("processes: the kernel's virtual memory and permissions"),
    N_("everything: kernel, files, network, process list"), "21" },
  { OSL_STACK_TYPE1, "type1", N_("Type 1 hypervisor"), N_("KVM, Xen, Hyper-V"),
    N_("Hardware > Hypervisor > Guest OS + Guest OS"), N_("VM"),
    type1_layers, G_N_ELEMENTS (type1_layers), 2,
    N_("hardware virtualization: separate kernels, VM exits, nested paging (EPT/NPT)"),
    N_("the hardware, through the hypervisor"), "24, 25, 29–34, 37" },
  { OSL_STACK_TYPE2, "type2", N_("Type 2 hypervisor"), N_("VirtualBox, UTM, VMware"),
    N_("Hardware > Host OS > Hypervisor > Guest OS + Guest OS"), N_("VM"),
    type2_layers, G_N_ELEMENTS (type2_layers), 3,
    N_("hardware virtualization, managed by an application of the host OS"),
    N_("the hardware and the host OS"), "24, 26" },
  { OSL_STACK_CONTAINERS, "containers", N_("Containers"), N_("Docker on Linux"),
    N_("Infrastructure > OS > Container Engine > (Bins/Libs > App)"), N_("container"),
    containers_layers, G_N_ELEMENTS (containers_layers), 3,
    N_("kernel features on one kernel: namespaces, cgroups, capabilities, seccomp"),
    N_("the host kernel (one for all), the hardware, the image layers"), "28, 35–43" },
  { OSL_STACK_LANGUAGE_VM, "language-vm", N_("Language VM"), N_("JVM"),
    N_("Hardware > OS > JVM > bytecode"), N_("program"),
    language_vm_layers, G_N_ELEMENTS (language_vm_layers), 3,
    N_("none beyond an ordinary process: the goal is portability, not isolation"),
    N_("the OS kernel and the JVM process"), "28" },
};

/* Cards 38 and 45: the lecture's three aspects. */
static const OslStackContrast contrasts[] = {
  { N_("Granularity"), N_("a simulation of the hardware layer"), N_("an abstraction of the process layer") },
  { N_("Required resources"), N_("support a whole OS"), N_("created to run one application") },
  { N_("Efficiency"), N_("boot an entire OS"), N_("launched to run an application") },
  { N_("Security / isolation"), N_("isolated at the OS level"), N_("isolated from each other at the process level") },
  { N_("Kernel"), N_("one guest kernel per VM"), N_("one host kernel shared by all") },
};

/* Typical orders of magnitude, as textbooks state them: not measurements. */
static const OslStackContrast typical_figures[] = {
  { N_("Start-up"), N_("tens of seconds to minutes (an OS boots)"), N_("well under a second to seconds (a process starts)") },
  { N_("Memory footprint"), N_("hundreds of MB to GB (a whole OS)"), N_("MB to tens of MB (one application)") },
  { N_("Image size"), N_("GB (a disk image)"), N_("MB to hundreds of MB (layers)") },
  { N_("Density per host"), N_("tens"), N_("hundreds") },
};

static const char *const similarities[] = {
  N_("Both allow multiple applications to run on the same hardware without interference."),
  N_("Both provide isolation between running apps, avoiding conflicts in software dependencies."),
  N_("Both are ways of providing consistency across environments."),
  NULL
};

static const char *const goals[] = {
  N_("Provide flexibility for users"),
  N_("Amortize hardware costs"),
  N_("Isolate completely separate users"),
  NULL
};

/* Card 23 (after Popek and Goldberg): control, equivalence, efficiency. */
static const char *const requirements[] = {
  N_("Control: the VMM is in complete control of all hardware resources (CPUs, memory, disks)."),
  N_("Equivalence: the VMM provides a virtualized hardware environment that looks identical to its physical counterpart."),
  N_("Efficiency: an OS running there shows only minor decreases in performance compared to bare metal."),
  NULL
};

/* Card 28: aspect = kind, vm = example, container = attribute. */
static const OslStackContrast virtualization_kinds[] = {
  { N_("Language virtualization"), N_("JVM runs Java bytecode"),
    N_("Cross-OS: code runs without modification on every OS with the runtime") },
  { N_("Operating-system virtualization"), N_("Docker containers on one Linux kernel"),
    N_("Limited isolation: instances share the host kernel, so a kernel vulnerability can affect all") },
  { N_("Hardware virtualization"), N_("VMs on one physical server"),
    N_("VM snapshots save a VM's state; live migration moves a running VM between hosts") },
};

/* Card 27: aspect = what, vm = Intel, container = AMD. */
static const OslStackContrast hardware_support[] = {
  { N_("CPU and memory"), N_("VT-x: Virtualization Technology for Execution"), N_("SVM: Secure Virtual Machine (AMD-V)") },
  { N_("Nested paging"), N_("EPT: Extended Page Tables"), N_("NPT: Nested Page Tables") },
  { N_("Devices (I/O)"), N_("VT-d: Virtualization Technology for Directed I/O"), N_("AMD-Vi: AMD I/O Virtualization") },
};

const OslStack *
osl_stack_get (OslStackKind kind)
{
  g_return_val_if_fail (kind < OSL_N_STACKS, NULL);
  return &stacks[kind];
}

gboolean
osl_stack_parse_kind (const char    *id,
                      OslStackKind  *kind,
                      GError       **error)
{
  for (guint i = 0; i < OSL_N_STACKS; i++)
    if (g_strcmp0 (stacks[i].id, id) == 0)
      {
        *kind = stacks[i].kind;
        return TRUE;
      }
  g_set_error (error, OSL_STACK_ERROR, OSL_STACK_ERROR_UNKNOWN,
               _("“%s” is not a stack; choose bare-metal, type1, type2, containers or language-vm."),
               id != NULL ? id : "");
  return FALSE;
}

const OslStackLayer *
osl_stack_find_layer (const OslStack *stack,
                      const char     *layer_id)
{
  for (guint i = 0; i < stack->n_layers; i++)
    if (g_strcmp0 (stack->layers[i].id, layer_id) == 0)
      return &stack->layers[i];
  return NULL;
}

/* "VMX non-root · ring 0", "ring 3", or "" for hardware. */
char *
osl_stack_layer_privilege (const OslStackLayer *layer)
{
  if (layer->ring < 0)
    return g_strdup ("");
  switch (layer->vmx)
    {
    case OSL_VMX_ROOT:
      return g_strdup_printf (_("VMX root · ring %d"), layer->ring);
    case OSL_VMX_NON_ROOT:
      return g_strdup_printf (_("VMX non-root · ring %d"), layer->ring);
    case OSL_VMX_NONE:
    default:
      return g_strdup_printf (_("ring %d"), layer->ring);
    }
}

const OslStackContrast *
osl_stack_get_contrasts (guint *n_contrasts)
{
  *n_contrasts = G_N_ELEMENTS (contrasts);
  return contrasts;
}

const OslStackContrast *
osl_stack_get_typical_figures (guint *n_figures)
{
  *n_figures = G_N_ELEMENTS (typical_figures);
  return typical_figures;
}

const char * const *
osl_stack_get_similarities (void)
{
  return similarities;
}

const char * const *
osl_stack_get_goals (void)
{
  return goals;
}

const char * const *
osl_stack_get_requirements (void)
{
  return requirements;
}

const OslStackContrast *
osl_stack_get_virtualization_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (virtualization_kinds);
  return virtualization_kinds;
}

const OslStackContrast *
osl_stack_get_hardware_support (guint *n_rows)
{
  *n_rows = G_N_ELEMENTS (hardware_support);
  return hardware_support;
}
