package org.llmstrategy.rules.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads the class files compiled from the rules, method by method, without loading them: every
 * call, field and lambda target judged by {@link BytecodeAllowList}, every backward jump (a loop),
 * the calls between the generated methods (for recursion), and, in the executable model's rule
 * methods, which rule each builds and which generated classes (its constraints and consequence) it
 * uses, so a refusal names the rule.
 */
final class BytecodeScan {
  /** One refused reference: what it is in words and why. */
  record Refusal(String what, String why) {}

  /**
   * What one method does. {@code rule} is the rule a rule method builds ({@code package.name});
   * {@code uses} the generated classes and same-class lambdas it refers to.
   */
  record Method(
      String owner,
      String name,
      String desc,
      List<Refusal> refusals,
      boolean loops,
      Set<String> calls,
      String rule,
      Set<String> uses) {
    String id() {
      return owner + "." + name + desc;
    }
  }

  private BytecodeScan() {}

  /** Every method of these classes (internal name → class file). */
  static List<Method> scan(Map<String, byte[]> classes) {
    Set<String> generated = classes.keySet();
    List<Method> methods = new ArrayList<>();
    classes.forEach(
        (name, bytes) ->
            new ClassReader(bytes)
                .accept(
                    new ClassVisitor(Opcodes.ASM9) {
                      @Override
                      public MethodVisitor visitMethod(
                          int access, String m, String desc, String sig, String[] ex) {
                        return new MethodScan(name, m, desc, generated, methods::add);
                      }
                    },
                    ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES));
    return methods;
  }

  private static final class MethodScan extends MethodVisitor {
    private final String owner;
    private final String name;
    private final String desc;
    private final Set<String> generated;
    private final java.util.function.Consumer<Method> done;
    private final Set<Label> placed = new HashSet<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final Set<String> calls = new LinkedHashSet<>();
    private final Set<String> uses = new LinkedHashSet<>();
    private final List<String> strings = new ArrayList<>();
    private boolean loops;
    private String rule;

    MethodScan(
        String owner,
        String name,
        String desc,
        Set<String> generated,
        java.util.function.Consumer<Method> done) {
      super(Opcodes.ASM9);
      this.owner = owner;
      this.name = name;
      this.desc = desc;
      this.generated = generated;
      this.done = done;
    }

    @Override
    public void visitLabel(Label label) {
      placed.add(label);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      loops |= placed.contains(label); // already placed: the jump goes back
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
      backward(dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
      backward(dflt, labels);
    }

    private void backward(Label dflt, Label[] labels) {
      loops |= placed.contains(dflt) || java.util.Arrays.stream(labels).anyMatch(placed::contains);
    }

    @Override
    public void visitMethodInsn(
        int opcode, String calledOwner, String called, String calledDesc, boolean itf) {
      judge(calledOwner, called, calledDesc, false);
      if (calledOwner.equals(owner) || generated.contains(calledOwner)) {
        calls.add(calledOwner + "." + called + calledDesc);
      }
      if (opcode == Opcodes.INVOKESTATIC
          && called.equals("rule")
          && calledDesc.startsWith("(Ljava/lang/String;Ljava/lang/String;)")
          && strings.size() >= 2
          && rule == null) {
        rule = strings.get(strings.size() - 2) + "." + strings.get(strings.size() - 1);
      }
    }

    @Override
    public void visitFieldInsn(int opcode, String fieldOwner, String field, String fieldDesc) {
      judge(fieldOwner, field, fieldDesc, true);
    }

    @Override
    public void visitLdcInsn(Object value) {
      if (value instanceof String s) {
        strings.add(s);
      } else if (value instanceof Handle h) {
        refuse(BytecodeAllowList.inWords(h.getOwner(), h.getName()), BytecodeAllowList.REFLECTION);
      } else if (value instanceof ConstantDynamic c) {
        refuse("a dynamic constant " + c.getName(), BytecodeAllowList.REFLECTION);
      }
    }

    @Override
    public void visitInvokeDynamicInsn(String n, String d, Handle bootstrap, Object... args) {
      if (!BytecodeAllowList.allowedBootstrap(bootstrap.getOwner(), bootstrap.getName())) {
        refuse(
            BytecodeAllowList.inWords(bootstrap.getOwner(), bootstrap.getName()),
            BytecodeAllowList.REFLECTION);
        return;
      }
      for (Object arg : args) {
        if (arg instanceof Handle h) { // the method a lambda or method reference runs
          boolean field = h.getTag() <= Opcodes.H_PUTSTATIC;
          judge(h.getOwner(), h.getName(), h.getDesc(), field);
          if (h.getOwner().equals(owner) || generated.contains(h.getOwner())) {
            calls.add(h.getOwner() + "." + h.getName() + h.getDesc());
            uses.add(h.getOwner() + "." + h.getName() + h.getDesc());
          }
        } else if (arg instanceof ConstantDynamic c) {
          refuse("a dynamic constant " + c.getName(), BytecodeAllowList.REFLECTION);
        }
      }
    }

    private void judge(String refOwner, String ref, String refDesc, boolean field) {
      if (generated.contains(refOwner) && !refOwner.equals(owner)) {
        uses.add(refOwner);
      }
      String why = BytecodeAllowList.refusal(refOwner, ref, refDesc, field, owner, generated);
      if (why != null) {
        refuse(BytecodeAllowList.inWords(refOwner, ref), why);
      }
    }

    private void refuse(String what, String why) {
      Refusal r = new Refusal(what, why);
      if (!refusals.contains(r)) {
        refusals.add(r);
      }
    }

    @Override
    public void visitEnd() {
      done.accept(
          new Method(
              owner, name, desc, List.copyOf(refusals), loops, Set.copyOf(calls), rule, uses));
    }
  }
}
