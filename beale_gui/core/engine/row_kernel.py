"""Scalar kernels rewritten for the compiled batch path (:mod:`.compiled_batch`), and what their
sources say about the bits of per-run hyperparameters.

A scalar kernel (:mod:`beale_gui.core.optimizers.base`) keeps its state in an array it indexes,
``st[k]``; stepped for many rows at once, a row's state is better a handful of floats the
compiler keeps in registers and stores to (width, n) arrays, which it can vectorise. So the
kernel's source is rewritten, its operations untouched: :func:`row_kernel`.
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys
import textwrap
from collections.abc import Callable


class _StateAsFloats(ast.NodeTransformer):
    """``st[k]`` becomes the name ``st_k``, every ``return x, y`` returns the state too.

    An index the source does not fix (Rprop's ``st[a]`` in its loop over the axes) reads as
    the value whose number it equals (``st_0 if a == 0 else st_1 if ...``) and is written as
    every value keeping its own but that one; the compiler unrolls such loops and folds the
    choices away.
    """

    def __init__(self, width: int) -> None:
        self.names = [f"st_{k}" for k in range(width)]

    def _state_index(self, node: ast.AST) -> ast.AST | None:
        """The index of ``st[index]``, folded to a constant where it is one; else None."""
        if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)
                and node.value.id == "st"):
            return None
        index = node.slice
        if all(isinstance(n, ast.Constant | ast.BinOp | ast.operator | ast.UnaryOp
                          | ast.unaryop) for n in ast.walk(index)):
            value = eval(compile(ast.Expression(index), "<index>", "eval"), {})  # noqa: S307
            return ast.Constant(value)        # (constants only: nothing to evaluate but them)
        return index

    def _name(self, k: int, ctx) -> ast.Name:
        return ast.Name(self.names[k], ctx)

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        self.generic_visit(node)
        index = self._state_index(node)
        if index is None:
            return node
        if isinstance(index, ast.Constant):
            return ast.copy_location(self._name(index.value, node.ctx), node)
        chosen = self._name(len(self.names) - 1, ast.Load())
        for k in reversed(range(len(self.names) - 1)):
            test = ast.Compare(index, [ast.Eq()], [ast.Constant(k)])
            chosen = ast.IfExp(test, self._name(k, ast.Load()), chosen)
        return ast.copy_location(chosen, node)

    def visit_Assign(self, node: ast.Assign) -> ast.AST | list[ast.stmt]:
        targets = (node.targets[0].elts if len(node.targets) == 1
                   and isinstance(node.targets[0], ast.Tuple) else node.targets)
        dynamic = [t for t in targets if self._state_index(t) is not None
                   and not isinstance(self._state_index(t), ast.Constant)]
        if not dynamic:
            return self.generic_visit(node)
        # the values into temporaries, then each into its target
        temps = [ast.Name(f"_value_{j}", ast.Store()) for j in range(len(targets))]
        first = ast.Assign([ast.Tuple(temps, ast.Store()) if len(temps) > 1 else temps[0]],
                           self.visit(node.value))
        statements = [first]
        for target, temp in zip(targets, temps, strict=True):
            value = ast.Name(temp.id, ast.Load())
            index = self._state_index(target)
            if index is None or isinstance(index, ast.Constant):
                statements.append(ast.Assign([self.visit(target)], value))
                continue
            index = self.visit(index)
            for k in range(len(self.names)):
                test = ast.Compare(index, [ast.Eq()], [ast.Constant(k)])
                statements.append(ast.Assign([self._name(k, ast.Store())],
                                             ast.IfExp(test, value, self._name(k, ast.Load()))))
        return [ast.copy_location(s, node) for s in statements]

    def visit_Return(self, node: ast.Return) -> ast.Return:
        self.generic_visit(node)
        node.value = ast.Tuple([*node.value.elts,
                                *(ast.Name(n, ast.Load()) for n in self.names)], ast.Load())
        return node


def row_kernel(name: str, width: int) -> Callable:
    """The scalar kernel ``module:name`` as ``kernel(x, y, gx, gy, lr, t, hp, st_0, ...,
    st_{width-1}) -> (x, y, st_0, ...)``: its operations unchanged, its state passed and
    returned as floats (the kernel's module's globals, its constants, are the new one's)."""
    module, function = name.split(":")
    fn = getattr(sys.modules[module], function)
    tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    node = tree.body[0]
    node.args.args = ([a for a in node.args.args if a.arg != "st"]
                      + [ast.arg(f"st_{k}") for k in range(width)])
    node.decorator_list = []
    tree = ast.fix_missing_locations(_StateAsFloats(width).visit(tree))
    namespace = dict(fn.__globals__)
    exec(compile(tree, inspect.getsourcefile(fn) or name, "exec"), namespace)  # noqa: S102
    return namespace[function]


# what a kernel may call and still give numpy's bits with per-run hyperparameters: IEEE
# operations, which numpy's vectorised loops round alike
_EXACT_CALLS = {"sqrt", "fabs", "copysign", "isnan", "isinf", "isfinite", "range", "float",
                "abs", "min", "max"}


@functools.cache
def exact_per_run(kernel: Callable) -> bool:
    """Whether the scalar kernel computes no power nor other function of the C library (its
    calls are all IEEE operations): then its batch kernel gives every run of per-run
    hyperparameters the bits the run gets alone, numpy's vectorised power (Adam's
    ``beta1 ** t`` of an array) having nothing to differ in."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(kernel)))
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
            return False
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            if name not in _EXACT_CALLS:
                return False
    return True
