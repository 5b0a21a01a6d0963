package io.github.javanets.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a SameDiff graph of plain ops without SameDiff's session: the ops that the requested
 * variables need, in an order fixed once, each with an op context built once and output arrays that
 * are allocated when its inputs' shapes change and reused otherwise. When the graph's inputs change
 * shape, the outputs are allocated in op order from the arrays earlier ops have finished with (no
 * later op reads them, and they are not requested), so ops whose uses never overlap share an array:
 * a loss's value and gradient on (4096, 1000) held 35-45% less memory than without sharing.
 *
 * <p>SameDiff's {@code InferenceSession} spends about as long per op as a small op takes to run
 * (dependency tracking in hash maps, variable-name regular expressions, an output-shape call into
 * libnd4j and a fresh output array for every op of every step): for the minibatches a model trains
 * on, that is about half of a training step. This runner executes the same libnd4j ops on the same
 * inputs, so its results are SameDiff's, bit for bit (checked by {@code GraphRunnerTest} on every
 * kind of model graph). The smallest exact ops (element-wise add, subtract, multiply and negation,
 * {@code relu} and its gradient, a row's maximum and its gradient) run in Java on the arrays they
 * take, with libnd4j's results bit for bit: for a minibatch, libnd4j's cost per call is most of
 * their time (see {@code Kernels}; {@value #KERNELS_PROPERTY}{@code =false} switches them off).
 *
 * <p>It takes only graphs whose ops are all plain custom or legacy ops with outputs whose shapes
 * follow from the inputs' shapes: {@link #compile} returns null for control flow, tensor arrays,
 * in-place ops, random ops and ops whose output shape depends on input values. Code that runs a
 * graph uses {@link GraphExecutor}, which compiles a runner when it can and falls back to
 * SameDiff's own execution otherwise (or when the runner is switched off); this class is the engine
 * under it, public for javanets' benchmarks and tests (not for loss authors). The arrays {@link
 * #run} returns are reused: they hold their values until the next call only.
 *
 * <p>For gradients, compile the graph's gradient function: {@code sd.createGradFunction()}, then
 * {@code compile(sd.getFunction("grad"), names)} with the loss variables and the names of the
 * gradient variables ({@code sd.getVariable(v).getGradient().name()}). A runner is not thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class GraphRunner {
  /** Ops whose output shape depends on the values of their inputs, not only on their shapes. */
  private static final Set<String> VALUE_SHAPED =
      Set.of(
          "where",
          "where_np",
          "unique",
          "unique_with_counts",
          "boolean_mask",
          "dynamic_partition",
          "dynamic_stitch",
          "listdiff",
          "range",
          "linspace",
          "non_max_suppression",
          "non_max_suppression_v3",
          "non_max_suppression_overlaps",
          "random_shuffle",
          "choose",
          "matrix_set_diag",
          "create_view",
          "assign",
          "compare_and_bitpack");

  /**
   * The system property that makes every runner time its ops (for javanets' benchmarks): {@code
   * -Djavanets.graphRunner.profile=true}, read once.
   */
  public static final String PROFILE_PROPERTY = "javanets.graphRunner.profile";

  private static final boolean PROFILING = Boolean.getBoolean(PROFILE_PROPERTY);

  /**
   * The system property that, set to {@code false}, makes runners compiled from then on run every
   * {@code matmul_bp} whole, the unread gradient too (for javanets' benchmarks: before and after in
   * one process); read when a runner is compiled.
   */
  public static final String SINGLE_GRADIENT_PROPERTY = "javanets.graphRunner.singleGradient";

  /**
   * System property: {@code false} makes runners compiled afterwards run every op through libnd4j,
   * none of the small exact ops in Java ({@code Kernels}); for javanets' benchmarks (before and
   * after in one process) and tests.
   */
  public static final String KERNELS_PROPERTY = "javanets.graphRunner.kernels";

  // Op name and input shapes -> {runs, nanoseconds}, over every runner while profiling.
  private static final Map<String, long[]> PROFILE = new ConcurrentHashMap<>();
  // Of the profiled time, the part inside libnd4j's op execution: {runs, nanoseconds}.
  private static final long[] EXEC_PROFILE = new long[2];

  private final SameDiff sd;
  private final String[] slotNames;
  private final VariableType[] slotTypes;
  private final Node[] nodes;
  private final int[] outputSlots;
  private final List<String> outputNames;
  // After node i has run, the slots whose arrays no later node reads (by node, from compile).
  private final int[][] released;
  // The types and shapes of the graph's inputs (placeholders, variables, constants) at the last
  // run: the ops' outputs were planned for them.
  private Object[] plannedFor;

  private GraphRunner(
      SameDiff sd,
      List<String> slotNames,
      List<VariableType> slotTypes,
      List<Node> nodes,
      int[] outputSlots,
      List<String> outputNames) {
    this.sd = sd;
    this.slotNames = slotNames.toArray(new String[0]);
    this.slotTypes = slotTypes.toArray(new VariableType[0]);
    this.nodes = nodes.toArray(new Node[0]);
    this.outputSlots = outputSlots;
    this.outputNames = List.copyOf(outputNames);
    this.released = lastUses(this.slotNames.length, this.nodes, outputSlots);
    boolean[] read = new boolean[this.slotNames.length];
    for (Node node : this.nodes) {
      for (int s : node.in) {
        read[s] = true;
      }
    }
    for (int s : outputSlots) {
      read[s] = true;
    }
    if (!"false".equalsIgnoreCase(System.getProperty(SINGLE_GRADIENT_PROPERTY))) {
      for (Node node : this.nodes) {
        node.keepReadOutputs(read);
      }
    }
  }

  /**
   * For each node, the slots whose arrays are free once it has run: arrays the runner allocated
   * (not inputs of the graph, not identities of other slots) that no later node reads and that are
   * not requested outputs. An identity's output is its input's array, so it extends that array's
   * life; an output nobody reads is free right after the node that writes it.
   */
  private static int[][] lastUses(int slotCount, Node[] nodes, int[] outputSlots) {
    int[] root = new int[slotCount];
    int[] lastUse = new int[slotCount];
    boolean[] allocated = new boolean[slotCount];
    for (int s = 0; s < slotCount; s++) {
      root[s] = s;
      lastUse[s] = -1;
    }
    for (int i = 0; i < nodes.length; i++) {
      Node node = nodes[i];
      for (int s : node.in) {
        lastUse[root[s]] = Math.max(lastUse[root[s]], i);
      }
      if (node.identity) {
        root[node.out[0]] = root[node.in[0]];
      } else {
        for (int s : node.out) {
          allocated[s] = true;
          lastUse[s] = Math.max(lastUse[s], i);
        }
      }
    }
    for (int s : outputSlots) {
      lastUse[root[s]] = Integer.MAX_VALUE;
    }
    List<List<Integer>> free = new ArrayList<>();
    for (int i = 0; i < nodes.length; i++) {
      free.add(new ArrayList<>());
    }
    for (int s = 0; s < slotCount; s++) {
      if (allocated[s] && lastUse[s] != Integer.MAX_VALUE) {
        free.get(lastUse[s]).add(s);
      }
    }
    int[][] released = new int[nodes.length][];
    for (int i = 0; i < released.length; i++) {
      released[i] = free.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return released;
  }

  /**
   * A runner for {@code outputs} of {@code sd}, or null when the graph needs an op this runner does
   * not take. It ignores the switch {@value GraphExecutor#PROPERTY}: that is {@link
   * GraphExecutor}'s.
   *
   * @param sd the graph; not null
   * @param outputs the variables to compute; not null, not empty
   * @return the runner, or null for SameDiff's own execution
   */
  public static GraphRunner compile(SameDiff sd, List<String> outputs) {
    Map<String, Integer> slots = new HashMap<>();
    List<String> slotNames = new ArrayList<>();
    List<VariableType> slotTypes = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    Map<String, Boolean> visited = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (String out : outputs) {
      if (!sd.getVariables().containsKey(out) || !visit(sd, out, visited, order)) {
        return null;
      }
    }
    for (String opName : order) {
      SameDiffOp op = sd.getOps().get(opName);
      DifferentialFunction df = op.getOp();
      if (!supported(op, df)) {
        return null;
      }
      List<String> ins = op.getInputsToOp() == null ? List.of() : op.getInputsToOp();
      int[] in = new int[ins.size()];
      for (int i = 0; i < in.length; i++) {
        in[i] = slot(sd, ins.get(i), slots, slotNames, slotTypes);
      }
      List<String> outs = op.getOutputsOfOp();
      int[] out = new int[outs.size()];
      DataType[] types = new DataType[outs.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = slot(sd, outs.get(i), slots, slotNames, slotTypes);
        types[i] = sd.getVariable(outs.get(i)).dataType();
      }
      nodes.add(new Node(df, in, out, types));
    }
    int[] outputSlots = new int[outputs.size()];
    for (int i = 0; i < outputSlots.length; i++) {
      outputSlots[i] = slot(sd, outputs.get(i), slots, slotNames, slotTypes);
    }
    return new GraphRunner(sd, slotNames, slotTypes, nodes, outputSlots, outputs);
  }

  /** Depth-first, inputs before ops: false for a cycle or a control dependency. */
  private static boolean visit(
      SameDiff sd, String variable, Map<String, Boolean> visited, List<String> order) {
    Variable v = sd.getVariables().get(variable);
    if (v == null) {
      return false;
    }
    if (v.getControlDeps() != null && !v.getControlDeps().isEmpty()) {
      return false;
    }
    String opName = v.getOutputOfOp();
    if (opName == null) {
      return true;
    }
    Boolean done = visited.get(opName);
    if (done != null) {
      return done; // false: still on the stack, a cycle
    }
    visited.put(opName, false);
    SameDiffOp op = sd.getOps().get(opName);
    if (op == null
        || (op.getControlDeps() != null && !op.getControlDeps().isEmpty())
        || (op.getVarControlDeps() != null && !op.getVarControlDeps().isEmpty())) {
      return false;
    }
    if (op.getInputsToOp() != null) {
      for (String in : op.getInputsToOp()) {
        if (!visit(sd, in, visited, order)) {
          return false;
        }
      }
    }
    visited.put(opName, true);
    order.add(opName);
    return true;
  }

  private static boolean supported(SameDiffOp op, DifferentialFunction df) {
    if (df instanceof Identity) {
      return op.getInputsToOp() != null && op.getInputsToOp().size() == 1;
    }
    if (df.isInPlace()
        || VALUE_SHAPED.contains(df.opName())
        || df instanceof RandomOp
        || df.getClass().getPackageName().contains(".random")) {
      // Random ops draw from libnd4j's generator state: SameDiff keeps them.
      return false;
    }
    if (df instanceof DynamicCustomOp) {
      DynamicCustomOp c = (DynamicCustomOp) df;
      return c.getClass().getPackageName().startsWith("org.nd4j.linalg.api.ops.impl")
              && !c.getClass().getPackageName().contains("controlflow")
              && !c.getClass().getPackageName().contains("shape.tensorops")
              && !c.isInplaceCall()
          || c.getClass() == DynamicCustomOp.class;
    }
    return df instanceof BaseOp && !df.getClass().getPackageName().contains("controlflow");
  }

  private static int slot(
      SameDiff sd,
      String name,
      Map<String, Integer> slots,
      List<String> slotNames,
      List<VariableType> slotTypes) {
    Integer s = slots.get(name);
    if (s == null) {
      s = slotNames.size();
      slots.put(name, s);
      slotNames.add(name);
      slotTypes.add(sd.getVariable(name).getVariableType());
    }
    return s;
  }

  /** The variables {@link #run} returns, in order. */
  public List<String> outputs() {
    return outputNames;
  }

  /**
   * Computes the outputs.
   *
   * @param feed an array for every placeholder the outputs need, by name; not null
   * @return each output by name; the arrays are reused by the next call
   * @throws IllegalArgumentException for a missing placeholder
   */
  public Map<String, INDArray> run(Map<String, INDArray> feed) {
    INDArray[] values = new INDArray[slotNames.length];
    for (int i = 0; i < values.length; i++) {
      switch (slotTypes[i]) {
        case PLACEHOLDER:
          values[i] = feed.get(slotNames[i]);
          if (values[i] == null) {
            throw new IllegalArgumentException(
                "No array was given for placeholder '" + slotNames[i] + "'.");
          }
          break;
        case VARIABLE:
        case CONSTANT:
          values[i] = sd.getVariable(slotNames[i]).getArr();
          break;
        default:
          break;
      }
    }
    // When the graph's inputs change shape, every op's outputs are allocated again, in order, from
    // the arrays that earlier ops of this run have finished with (same type, shape and order):
    // the order is fixed, so two ops share an array only when their uses never overlap, in this
    // run and in every later one with the same shapes.
    Object[] inputs = inputSignature(values);
    Pool pool = null;
    if (!Arrays.deepEquals(inputs, plannedFor)) {
      pool = new Pool();
      for (Node node : nodes) {
        node.forget();
      }
      plannedFor = inputs;
    }
    for (int i = 0; i < nodes.length; i++) {
      if (PROFILING) {
        long start = System.nanoTime();
        nodes[i].run(values, pool);
        long[] t = PROFILE.computeIfAbsent(nodes[i].describe(values), k -> new long[2]);
        synchronized (t) {
          t[0]++;
          t[1] += System.nanoTime() - start;
        }
      } else {
        nodes[i].run(values, pool);
      }
      if (pool != null) {
        for (int s : released[i]) {
          pool.give(values[s]);
        }
      }
    }
    Map<String, INDArray> out = new LinkedHashMap<>();
    for (int i = 0; i < outputSlots.length; i++) {
      out.put(outputNames.get(i), values[outputSlots[i]]);
    }
    return out;
  }

  /** One op: its context, its input and output slots, and its last outputs. */
  private static final class Node {
    private final DifferentialFunction op;
    private final int[] in;
    private final int[] out;
    private final DataType[] types;
    private final boolean custom;
    private final boolean identity;
    private final boolean axisArgument;
    private final boolean scalarArgument;
    // The op in Java for the arrays it takes (Kernels), or null.
    private final Kernels.Kernel kernel;
    private OpContext context;
    // For a matmul_bp of which only one gradient is read: that gradient's index, computed alone by
    // the one matmul that matmul_bp would run for it (-1: run the op as it is).
    private int onlyOutput = -1;
    private CustomOp product;
    private OpContext productContext;
    private long[][] lastShapes;
    private DataType[] lastTypes;
    private long[][] lastValues;
    private INDArray[] outputs;

    Node(DifferentialFunction op, int[] in, int[] out, DataType[] types) {
      this.op = op;
      this.in = in;
      this.out = out;
      this.types = types;
      this.identity = op instanceof Identity;
      this.custom = op instanceof CustomOp;
      this.axisArgument =
          !custom
              && op instanceof ReduceOp
              && ((ReduceOp) op).getOpType() != Op.Type.REDUCE3
              && in.length == 2;
      this.scalarArgument = !custom && op instanceof ScalarOp && in.length == 2;
      this.kernel =
          "false".equals(System.getProperty(KERNELS_PROPERTY)) ? null : Kernels.of(op, in.length);
    }

    /**
     * Notes, for a {@code matmul_bp} with one output that no later op reads and nobody asked for
     * (the gradient of a layer's input, when the input is a placeholder), that only the other one
     * is computed: libnd4j's {@code matmul_bp} runs one {@code matmul} per gradient, so the unread
     * one is a whole matrix product for nothing (at the first layer of an MLP 784-256-10, the
     * largest of the step).
     */
    void keepReadOutputs(boolean[] read) {
      if ("matmul_bp".equals(op.opName()) && in.length == 3 && out.length == 2) {
        if (read[out[0]] != read[out[1]]) {
          onlyOutput = read[out[0]] ? 0 : 1;
        }
      }
    }

    /**
     * The one gradient of {@link #keepReadOutputs}: the {@code matmul} that libnd4j's {@code
     * matmul_bp} runs for it, with its arguments (for {@code x op(y) = z} with transposes {@code
     * tx, ty, tz} and incoming gradient {@code e}: {@code dx = matmul(e, y)} with transposes {@code
     * (tz, !ty, tx)}, {@code dy = matmul(x, e)} with {@code (!tx, tz, ty)}), into an output with
     * the shape and order that {@code matmul_bp} gives it (its operand's). The same libnd4j op on
     * the same arrays: the gradient is the one {@code matmul_bp} writes, bit for bit.
     */
    private void runProduct(INDArray[] values, INDArray[] inputs, Pool pool) {
      if (product == null) {
        DynamicCustomOp bp = (DynamicCustomOp) op;
        long[] i = bp.iArgs() == null ? new long[0] : bp.iArgs();
        long tx = i.length > 0 ? i[0] : 0;
        long ty = i.length > 1 ? i[1] : 0;
        long tz = i.length > 2 ? i[2] : 0;
        long[] args = onlyOutput == 0 ? new long[] {tz, 1 - ty, tx} : new long[] {1 - tx, tz, ty};
        product = DynamicCustomOp.builder("matmul").build();
        productContext = Nd4j.getExecutioner().buildContext();
        productContext.setIArguments(args);
        if (bp.tArgs() != null && bp.tArgs().length > 0) {
          productContext.setTArguments(bp.tArgs());
        }
      }
      INDArray operand = inputs[onlyOutput];
      productContext.setInputArrays(
          onlyOutput == 0
              ? new INDArray[] {inputs[2], inputs[1]}
              : new INDArray[] {inputs[0], inputs[2]});
      if (!sameShapes(inputs) || outputs == null || outputs[onlyOutput] == null) {
        DataType type = types[onlyOutput] != null ? types[onlyOutput] : operand.dataType();
        INDArray reused =
            pool == null ? null : pool.take(type, operand.shape(), operand.ordering());
        outputs = new INDArray[out.length];
        outputs[onlyOutput] =
            reused != null
                ? reused
                : Nd4j.createUninitialized(type, operand.shape(), operand.ordering());
      }
      productContext.setOutputArrays(outputs[onlyOutput]);
      long start = PROFILING ? System.nanoTime() : 0;
      try {
        Nd4j.getExecutioner().exec(product, productContext);
      } finally {
        if (PROFILING) {
          synchronized (EXEC_PROFILE) {
            EXEC_PROFILE[0]++;
            EXEC_PROFILE[1] += System.nanoTime() - start;
          }
        }
        productContext.purge();
      }
      values[out[onlyOutput]] = outputs[onlyOutput];
      values[out[1 - onlyOutput]] = null;
    }

    /** The op's name and its inputs' shapes, for the profile. */
    String describe(INDArray[] values) {
      StringBuilder b = new StringBuilder(op.opName());
      for (int s : in) {
        b.append(' ').append(values[s] == null ? "-" : Arrays.toString(values[s].shape()));
        if (values[s] != null && values[s].rank() == 2) {
          b.append(values[s].ordering());
        }
      }
      return b.toString();
    }

    /** Drops the outputs: the next run allocates them. */
    void forget() {
      outputs = null;
      lastShapes = null;
    }

    /**
     * Runs the op. Outputs are allocated when the inputs' shapes changed since the last run: from
     * {@code pool} when there is one, else fresh.
     */
    void run(INDArray[] values, Pool pool) {
      INDArray[] inputs = new INDArray[in.length];
      for (int i = 0; i < in.length; i++) {
        inputs[i] = values[in[i]];
      }
      if (identity) {
        values[out[0]] = inputs[0];
        return;
      }
      if (onlyOutput >= 0
          && !inputs[2].isScalar()
          && inputs[0].rank() == 2
          && inputs[1].rank() == 2) {
        runProduct(values, inputs, pool);
        return;
      }
      if (context == null) {
        context = Nd4j.getExecutioner().buildContext();
        if (custom) {
          DynamicCustomOp c = (DynamicCustomOp) op;
          if (c.iArgs() != null && c.iArgs().length > 0) {
            context.setIArguments(c.iArgs());
          }
          if (c.tArgs() != null && c.tArgs().length > 0) {
            context.setTArguments(c.tArgs());
          }
          if (c.bArgs() != null && c.bArgs().length > 0) {
            context.setBArguments(c.bArgs());
          }
          if (c.dArgs() != null && c.dArgs().length > 0) {
            context.setDArguments(c.dArgs());
          }
        }
      }
      INDArray[] opInputs = inputs;
      if (axisArgument) {
        // As SameDiff's session: the second input is the axis, not an operand.
        int[] axis = Shape.normalizeAxis(inputs[0].rank(), inputs[1].toIntVector());
        op.setDimensions(axis);
        opInputs = new INDArray[] {inputs[0]};
      } else if (!custom && inputs.length > 2) {
        opInputs = new INDArray[] {inputs[0], inputs[1]};
      }
      if (scalarArgument) {
        ((ScalarOp) op).setScalar(inputs[1]);
      }
      boolean reallocate =
          !sameShapes(inputs) || (outputs != null && Arrays.asList(outputs).contains(null));
      if (kernel != null && !reallocate && outputs != null && kernel.run(opInputs, outputs)) {
        // The op in Java, into the outputs of the last run (see Kernels), bit for bit the same.
        for (int i = 0; i < out.length; i++) {
          values[out[i]] = outputs[i];
        }
        return;
      }
      context.setInputArrays(opInputs);
      if (reallocate) {
        outputs = allocate(pool);
      }
      context.setOutputArrays(outputs);
      long start = PROFILING ? System.nanoTime() : 0;
      try {
        if (custom) {
          Nd4j.getExecutioner().exec((CustomOp) op, context);
        } else {
          Nd4j.getExecutioner().exec((Op) op, context);
          op.clearArrays();
        }
      } finally {
        if (PROFILING) {
          synchronized (EXEC_PROFILE) {
            EXEC_PROFILE[0]++;
            EXEC_PROFILE[1] += System.nanoTime() - start;
          }
        }
        // libnd4j's context keeps a native wrapper of every array set on it until it is purged
        // (its integer, float and boolean arguments stay).
        context.purge();
      }
      for (int i = 0; i < out.length; i++) {
        values[out[i]] = outputs[i];
      }
    }

    /**
     * Whether the inputs have the shapes and types of the last call (and integer scalars and
     * vectors of up to 16 elements, such as shapes and axes, the same values); records them when
     * not.
     */
    private boolean sameShapes(INDArray[] inputs) {
      boolean same = lastShapes != null && lastShapes.length == inputs.length;
      for (int i = 0; same && i < inputs.length; i++) {
        same =
            inputs[i].dataType() == lastTypes[i]
                && Arrays.equals(inputs[i].shape(), lastShapes[i])
                && Arrays.equals(smallIntegers(inputs[i]), lastValues[i]);
      }
      if (!same) {
        lastShapes = new long[inputs.length][];
        lastTypes = new DataType[inputs.length];
        lastValues = new long[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
          lastShapes[i] = inputs[i].shape();
          lastTypes[i] = inputs[i].dataType();
          lastValues[i] = smallIntegers(inputs[i]);
        }
      }
      return same;
    }

    private static long[] smallIntegers(INDArray a) {
      if (!a.dataType().isIntType() || a.rank() > 1 || a.length() > 16 || a.isEmpty()) {
        return null;
      }
      long[] v = new long[(int) a.length()];
      for (int i = 0; i < v.length; i++) {
        v[i] = a.getLong(i);
      }
      return v;
    }

    private INDArray[] allocate(Pool pool) {
      List<LongShapeDescriptor> shapes =
          custom ? ((CustomOp) op).calculateOutputShape(context) : op.calculateOutputShape(context);
      if (shapes == null || shapes.size() != out.length) {
        throw new IllegalStateException(
            "Op "
                + op.opName()
                + " ("
                + op.getOwnName()
                + ") gave "
                + (shapes == null ? "no" : shapes.size())
                + " output shapes for "
                + out.length
                + " outputs.");
      }
      INDArray[] arrays = new INDArray[out.length];
      for (int i = 0; i < arrays.length; i++) {
        LongShapeDescriptor d = shapes.get(i);
        DataType type = types[i] != null ? types[i] : d.dataType();
        INDArray reused = d.isEmpty() || pool == null ? null : pool.take(type, d);
        arrays[i] =
            reused != null
                ? reused
                : d.isEmpty()
                    ? Nd4j.empty(type)
                    : Nd4j.createUninitialized(type, d.getShape(), d.getOrder());
      }
      return arrays;
    }
  }

  /**
   * The ops' times since the last {@link #resetProfile}, when {@value #PROFILE_PROPERTY} is on: one
   * line per op name and input shapes, with runs, total milliseconds and microseconds per run.
   */
  public static String profile() {
    StringBuilder b = new StringBuilder();
    long runs = 0;
    long nanos = 0;
    for (long[] t : PROFILE.values()) {
      runs += t[0];
      nanos += t[1];
    }
    synchronized (EXEC_PROFILE) {
      b.append(
          String.format(
              "%8d runs %10.1f ms %8.1f us  (all ops)%n"
                  + "%8d runs %10.1f ms %8.1f us  (inside libnd4j's exec)%n",
              runs,
              nanos / 1e6,
              nanos / 1e3 / Math.max(1, runs),
              EXEC_PROFILE[0],
              EXEC_PROFILE[1] / 1e6,
              EXEC_PROFILE[1] / 1e3 / Math.max(1, EXEC_PROFILE[0])));
    }
    for (Map.Entry<String, long[]> e : new TreeMap<>(PROFILE).entrySet()) {
      long[] t = e.getValue();
      b.append(
          String.format(
              "%8d runs %10.1f ms %8.1f us  %s%n",
              t[0], t[1] / 1e6, t[1] / 1e3 / Math.max(1, t[0]), e.getKey()));
    }
    return b.toString();
  }

  /** Clears the profile of {@link #profile}. */
  public static void resetProfile() {
    PROFILE.clear();
    synchronized (EXEC_PROFILE) {
      EXEC_PROFILE[0] = 0;
      EXEC_PROFILE[1] = 0;
    }
  }

  /** How many output arrays the ops hold, counting shared ones once each (for tests). */
  int arraysHeld() {
    Set<INDArray> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Node node : nodes) {
      if (node.outputs != null) {
        Arrays.stream(node.outputs).filter(a -> a != null).forEach(distinct::add);
      }
    }
    return distinct.size();
  }

  /** How many outputs the ops hold, shared or not (for tests). */
  int outputsHeld() {
    int n = 0;
    for (Node node : nodes) {
      n +=
          node.outputs == null
              ? 0
              : (int) Arrays.stream(node.outputs).filter(a -> a != null).count();
    }
    return n;
  }

  /**
   * The type and shape of every graph input, for {@link #run}. (An op whose output shape follows
   * from the values of a small integer input, a shape or an axis, also checks those values itself
   * and allocates fresh outputs when they change.)
   */
  private Object[] inputSignature(INDArray[] values) {
    List<Object> signature = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (slotTypes[i] == VariableType.ARRAY || values[i] == null) {
        continue;
      }
      signature.add(values[i].dataType());
      signature.add(values[i].shape());
    }
    return signature.toArray();
  }

  /** Arrays that the ops run so far in a run have finished with, by type, shape and order. */
  private static final class Pool {
    private final Map<List<Object>, ArrayDeque<INDArray>> free = new HashMap<>();

    void give(INDArray a) {
      if (a != null && !a.isEmpty() && !a.isView()) {
        free.computeIfAbsent(key(a.dataType(), a.shape(), a.ordering()), k -> new ArrayDeque<>())
            .push(a);
      }
    }

    INDArray take(DataType type, LongShapeDescriptor d) {
      return take(type, d.getShape(), d.getOrder());
    }

    INDArray take(DataType type, long[] shape, char order) {
      ArrayDeque<INDArray> q = free.get(key(type, shape, order));
      return q == null ? null : q.poll();
    }

    private static List<Object> key(DataType type, long[] shape, char order) {
      return List.of(type, Arrays.toString(shape), order);
    }
  }

  @Override
  public String toString() {
    return "GraphRunner[" + nodes.length + " ops -> " + outputNames + "]";
  }
}
