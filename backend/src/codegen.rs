//! IR to a relocatable object file with Cranelift: target selection, the
//! module-wide state (symbols for functions, globals, string constants, type
//! descriptors and function-value records), one Cranelift function per IR
//! function, and the two C entry points the runtime calls
//! (`minigo_main_init`, `main_main`).
//!
//! Calling convention (Go to Go, in the platform's C convention): every
//! function takes a hidden first argument, the closure context (the closure
//! record for a func literal or method value, 0 for a direct call, the
//! itab for a call through one, whose methods never read it); then one
//! pointer per struct/array result, where the callee writes that result;
//! then the parameters, each flattened into its parts (see `layout.rs`), a
//! struct/array parameter as the address of a private copy the caller made.
//! Other results are returned as Cranelift return values (any number).
//! A func value is a pointer to a closure record whose first word is the
//! code address, so calling any func value is one indirect call.
//!
//! Submodules by concern: `layout.rs` (value representation), `func.rs`
//! (per-function state and emitters), `expr.rs`, `arith.rs`, `builtin.rs`,
//! `iface.rs`, `stmt.rs`, `order.rs` (gc's evaluation order), `call.rs` (calls, closures, method values),
//! `defer.rs` (defer statements and the thunks of deferred calls with operands),
//! `chan.rs` (channels and select), `functab.rs` (the function table of tracebacks),
//! `data.rs` (read-only data), `runtime.rs` (the C runtime's entry points).

mod arith;
mod builtin;
mod call;
mod chan;
mod complex;
mod data;
mod defer;
mod expr;
mod func;
mod functab;
mod iface;
mod itab;
mod layout;
mod map;
mod nilcheck;
mod order;
mod runtime;
mod stmt;

use std::collections::HashMap;

use cranelift_codegen::ir::{types, AbiParam, Function, InstBuilder, Signature, UserFuncName};
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{default_libcall_names, DataId, Linkage, Module};
use cranelift_object::{ObjectBuilder, ObjectModule};
use ir::{FuncId, Package, TypeId};

use crate::{CodeRecord, SourceLines, Target};
use func::FuncCtx;
use layout::{mangle, repr, Repr};
use runtime::Rt;

/// An object file's bytes and the records of its code.
pub(crate) struct Compiled {
    pub object: Vec<u8>,
    pub records: Vec<CodeRecord>,
}

/// Compiles every function of the package into an object file.
pub(crate) fn compile(package: &Package, target: Target, poison_stack: bool, source: Option<&SourceLines>) -> Result<Compiled, String> {
    let isa = target_isa(target)?;
    let builder = ObjectBuilder::new(isa, "minigo", default_libcall_names()).map_err(|e| e.to_string())?;
    let mut cg = Codegen::new(package, ObjectModule::new(builder), target, poison_stack);
    cg.declare_functions()?;
    cg.declare_globals()?;
    for (index, func) in package.funcs.iter().enumerate() {
        if func.has_body {
            let logged = cg.records.len();
            cg.define_function(FuncId(index as u32))?;
            // gc compiles no such literal, and logs none of its checks.
            if !func.gc_compiles() {
                cg.records.truncate(logged);
            }
        }
    }
    cg.define_method_value_wrappers()?;
    cg.define_defer_thunks()?;
    cg.define_builtin_defer_thunks()?;
    cg.define_entry_points()?;
    cg.define_functab(source)?;
    let records = std::mem::take(&mut cg.records);
    let object = cg.module.finish().emit().map_err(|e| format!("writing the object file: {}", e))?;
    Ok(Compiled { object, records })
}

/// The Cranelift ISA for a target, with the same settings on both:
/// position-independent (the executables are PIE), optimised for speed,
/// results beyond the return registers written through a hidden pointer,
/// and inline stack probes, so a frame larger than a page touches each page
/// on the way down and an overflow always faults in the guard region.
pub(crate) fn target_isa(target: Target) -> Result<OwnedTargetIsa, String> {
    let name = match target {
        Target::X86_64 => "x86_64-unknown-linux-gnu",
        Target::Aarch64 => "aarch64-unknown-linux-gnu",
    };
    let mut flags = settings::builder();
    for (name, value) in [
        ("is_pic", "true"),
        ("opt_level", "speed"),
        ("enable_multi_ret_implicit_sret", "true"),
        ("enable_probestack", "true"),
        ("probestack_strategy", "inline"),
        // Every function keeps the frame-pointer chain tracebacks walk.
        ("preserve_frame_pointers", "true"),
        // Functions start on 32-byte boundaries, as gc's do.
        ("log2_min_function_alignment", "5"),
    ] {
        flags.set(name, value).map_err(|e| format!("cranelift setting {}: {}", name, e))?;
    }
    let triple = name.parse().map_err(|e| format!("target {}: {}", name, e))?;
    let isa = cranelift_codegen::isa::lookup(triple).map_err(|e| format!("target {}: {}", name, e))?;
    isa.finish(settings::Flags::new(flags)).map_err(|e| format!("target {}: {}", name, e))
}

/// Module-wide code generation state.
pub(crate) struct Codegen<'p> {
    pub package: &'p Package,
    pub module: ObjectModule,
    /// The machine the code is for; only the lowering of float-to-integer
    /// conversions differs (`arith.rs`).
    pub target: Target,
    pub poison_stack: bool,
    /// The checks emitted so far (reported by `-d=ssa/check_bce` and `-json`).
    pub records: Vec<CodeRecord>,
    functions: Vec<cranelift_module::FuncId>,
    /// Each IR function's symbol.
    symbols: Vec<String>,
    globals: Vec<DataId>,
    strings: HashMap<Vec<u8>, DataId>,
    type_descriptors: HashMap<TypeId, DataId>,
    func_records: HashMap<FuncId, DataId>,
    method_value_wrappers: HashMap<FuncId, cranelift_module::FuncId>,
    /// The wrappers of interface method values, by (method signature, index).
    iface_method_value_wrappers: HashMap<(TypeId, u32), cranelift_module::FuncId>,
    /// Method sets by receiver (see `itab.rs`), and the static itabs by
    /// (interface, type).
    methods: HashMap<(TypeId, bool), Vec<(String, FuncId)>>,
    itabs: HashMap<(TypeId, TypeId), DataId>,
    defer_thunks: HashMap<TypeId, cranelift_module::FuncId>,
    /// The thunks of deferred builtin calls, each with its function and call node.
    builtin_defer_thunks: Vec<(&'p ir::Func, ir::NodeId, cranelift_module::FuncId)>,
    runtime: HashMap<Rt, cranelift_module::FuncId>,
    /// The compiled Go functions, for tracebacks (`functab.rs`).
    functab: Vec<functab::FuncTabEntry>,
}

impl<'p> Codegen<'p> {
    fn new(package: &'p Package, module: ObjectModule, target: Target, poison_stack: bool) -> Codegen<'p> {
        Codegen {
            package,
            module,
            target,
            poison_stack,
            records: Vec::new(),
            functions: Vec::new(),
            symbols: Vec::new(),
            globals: Vec::new(),
            strings: HashMap::new(),
            type_descriptors: HashMap::new(),
            func_records: HashMap::new(),
            method_value_wrappers: HashMap::new(),
            iface_method_value_wrappers: HashMap::new(),
            methods: itab::methods_by_receiver(package),
            itabs: HashMap::new(),
            defer_thunks: HashMap::new(),
            builtin_defer_thunks: Vec::new(),
            runtime: HashMap::new(),
            functab: Vec::new(),
        }
    }

    /// The symbol of an IR function (see `declare_functions`).
    fn symbol(&self, func: FuncId) -> String {
        self.symbols[func.0 as usize].clone()
    }

    /// Declares every IR function under its gc name, package-qualified and
    /// mangled; a name used before (methods of local types of the same name
    /// in different functions) gets the function's index after a `#`, which
    /// no Go name contains.
    fn declare_functions(&mut self) -> Result<(), String> {
        let mut used = std::collections::HashSet::new();
        for (index, func) in self.package.funcs.iter().enumerate() {
            let name = if used.insert(func.name.as_str()) { func.name.clone() } else { format!("{}#{}", func.name, index) };
            self.symbols.push(mangle(&format!("{}.{}", self.package.name, name)));
        }
        for index in 0..self.package.funcs.len() {
            let func = &self.package.funcs[index];
            let sig = self.go_signature(func.sig);
            let linkage = if func.has_body { Linkage::Local } else { Linkage::Import };
            let id = self.module.declare_function(&self.symbol(FuncId(index as u32)), linkage, &sig).map_err(|e| e.to_string())?;
            self.functions.push(id);
        }
        Ok(())
    }

    fn declare_globals(&mut self) -> Result<(), String> {
        for (index, global) in self.package.globals.iter().enumerate() {
            // Blank variables (`var _ = f()`) get a symbol each; `#` is in no
            // Go identifier, so these cannot collide with a declared name.
            let name = if global.name == "_" {
                mangle(&format!("{}._#{}", self.package.name, index))
            } else {
                mangle(&format!("{}.{}", self.package.name, global.name))
            };
            let id = self.module.declare_data(&name, Linkage::Local, true, false).map_err(|e| e.to_string())?;
            let mut desc = cranelift_module::DataDescription::new();
            let (size, align) = layout::mem_size_align(&self.package.types, global.ty);
            desc.define_zeroinit(size as usize);
            desc.set_align(align);
            self.module.define_data(id, &desc).map_err(|e| e.to_string())?;
            self.globals.push(id);
        }
        Ok(())
    }

    pub fn function_id(&self, func: FuncId) -> cranelift_module::FuncId {
        self.functions[func.0 as usize]
    }

    pub fn global_id(&self, global: ir::GlobalId) -> DataId {
        self.globals[global.0 as usize]
    }

    /// The Cranelift signature of a Go function type (see the module comment).
    pub fn go_signature(&self, sig_type: TypeId) -> Signature {
        let types = &self.package.types;
        let go_sig = types.signature(sig_type).unwrap_or_else(|| panic!("backend: {} is not a function type", types.display(sig_type)));
        self.signature_of(&go_sig.params, &go_sig.results)
    }

    pub fn signature_of(&self, params: &[TypeId], results: &[TypeId]) -> Signature {
        let types = &self.package.types;
        let mut sig = self.module.make_signature();
        sig.params.push(AbiParam::new(types::I64));
        for result in results {
            match repr(types, *result) {
                Repr::Mem { .. } => sig.params.push(AbiParam::new(types::I64)),
                Repr::Parts(parts) => sig.returns.extend(parts.iter().map(|p| AbiParam::new(p.ty))),
            }
        }
        for param in params {
            match repr(types, *param) {
                Repr::Mem { .. } => sig.params.push(AbiParam::new(types::I64)),
                Repr::Parts(parts) => sig.params.extend(parts.iter().map(|p| AbiParam::new(p.ty))),
            }
        }
        sig
    }

    pub fn runtime_func(&mut self, rt: Rt) -> cranelift_module::FuncId {
        if let Some(id) = self.runtime.get(&rt) {
            return *id;
        }
        let (params, returns) = rt.signature();
        let mut sig = self.module.make_signature();
        sig.params.extend(params.iter().map(|t| AbiParam::new(*t)));
        sig.returns.extend(returns.iter().map(|t| AbiParam::new(*t)));
        let id = self
            .module
            .declare_function(rt.name(), Linkage::Import, &sig)
            .unwrap_or_else(|e| panic!("backend: declaring {}: {}", rt.name(), e));
        self.runtime.insert(rt, id);
        id
    }

    fn define_function(&mut self, id: FuncId) -> Result<(), String> {
        let func = self.package.func(id);
        ir::compiling::at(func.pos);
        let clif_id = self.function_id(id);
        let mut ctx = self.module.make_context();
        ctx.func = Function::with_name_signature(UserFuncName::user(0, id.0), self.go_signature(func.sig));
        let mut builder_ctx = FunctionBuilderContext::new();
        let builder = FunctionBuilder::new(&mut ctx.func, &mut builder_ctx);
        let mut fx = FuncCtx::new(self, builder, func);
        fx.emit_body();
        let unsupported = fx.unsupported.take();
        let inline_locs = fx.finish();
        if let Some(message) = unsupported {
            return Err(message);
        }
        self.finish_function(clif_id, &mut ctx, &func.name)?;
        self.record_function(clif_id, &ctx, func, inline_locs);
        Ok(())
    }

    fn finish_function(&mut self, id: cranelift_module::FuncId, ctx: &mut Context, name: &str) -> Result<(), String> {
        self.module.define_function(id, ctx).map_err(|e| format!("internal error: compiling {}: {:?}", name, e))
    }

    /// `minigo_main_init` (package initialisation, then user `init`s) and
    /// `main_main`, both C functions without arguments.
    fn define_entry_points(&mut self) -> Result<(), String> {
        let main = self.package.main.ok_or("function main is undeclared in the main package")?;
        let mut inits: Vec<FuncId> = self.package.init.into_iter().collect();
        inits.extend(self.package.user_inits.iter().copied());
        self.define_entry("minigo_main_init", &inits)?;
        self.define_entry("main_main", &[main])
    }

    fn define_entry(&mut self, name: &str, callees: &[FuncId]) -> Result<(), String> {
        let sig = self.module.make_signature();
        let id = self.module.declare_function(name, Linkage::Export, &sig).map_err(|e| e.to_string())?;
        let mut ctx = self.module.make_context();
        ctx.func = Function::with_name_signature(UserFuncName::user(1, id.as_u32()), sig);
        let mut builder_ctx = FunctionBuilderContext::new();
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut builder_ctx);
        let entry = b.create_block();
        b.switch_to_block(entry);
        let no_context = b.ins().iconst(types::I64, 0);
        for callee in callees {
            let callee_ref = self.module.declare_func_in_func(self.function_id(*callee), b.func);
            b.ins().call(callee_ref, &[no_context]);
        }
        b.ins().return_(&[]);
        b.seal_all_blocks();
        b.finalize(self.module.target_config());
        self.finish_function(id, &mut ctx, name)
    }
}
