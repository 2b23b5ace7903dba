package dev.memprobe.retain;

import java.util.List;

/**
 * One class of a dump: its name, loader, fields and statics, and the layout of its instances' records (where their
 * references are), computed once from the class and its superclasses.
 */
final class ClassInfo {

    /** hprof basic types. */
    static final int OBJECT = 2;

    static final int BOOLEAN = 4;
    static final int CHAR = 5;
    static final int FLOAT = 6;
    static final int DOUBLE = 7;
    static final int BYTE = 8;
    static final int SHORT = 9;
    static final int INT = 10;
    static final int LONG = 11;

    /** Size of a primitive of each basic type; 0 for OBJECT (the id size). */
    static final int[] PRIMITIVE_SIZE = {0, 0, 0, 0, 1, 2, 4, 8, 1, 2, 4, 8};

    static final String[] PRIMITIVE_ARRAY = {
        "", "", "", "", "boolean[]", "char[]", "float[]", "double[]", "byte[]", "short[]", "int[]", "long[]"
    };

    /** A static field: name, basic type, and the referenced id for a reference. */
    record Static(String name, int type, long value) {}

    /** An instance field of this class itself (not its superclasses): name and basic type. */
    record Field(String name, int type) {}

    final int index;
    final long id;
    final long superId;
    final long loaderId;
    final int node;
    final List<Static> statics;
    final List<Field> fields;
    String name;
    /** The size of the class's dump record in the file, its tag included. */
    int recordSize;
    /** How many of the class object's first references are its non-null statics (the loader follows them). */
    int staticEdges;

    // the instance layout, from the class up its superclasses: computed by HeapIndex once the supers are known
    boolean laidOut;
    int[] referenceOffsets;
    String[] referenceNames;
    /** Every instance field's name, the class's own first, then its superclasses'; {@link #fieldSlots} alike. */
    List<String> fieldNames;

    /** {offset in the instance record, basic type} of each of {@link #fieldNames}. */
    List<int[]> fieldSlots;

    int instanceShallow;
    boolean reference;
    boolean classLoader;
    boolean thread;

    ClassInfo(int index, long id, long superId, long loaderId, int node, List<Static> statics, List<Field> fields) {
        this.index = index;
        this.id = id;
        this.superId = superId;
        this.loaderId = loaderId;
        this.node = node;
        this.statics = statics;
        this.fields = fields;
    }

    boolean isArray() {
        return name != null && name.endsWith("[]");
    }

    /** {offset, basic type} of the named field in an instance record, the nearest declaration; null if none. */
    int[] field(String fieldName) {
        for (int i = 0; i < fieldNames.size(); i++) {
            if (fieldNames.get(i).equals(fieldName)) {
                return fieldSlots.get(i);
            }
        }
        return null;
    }

    /** {@code [Ljava/lang/String;} and {@code java/lang/String} as Java writes them: {@code java.lang.String[]}. */
    static String javaName(String raw) {
        int dims = 0;
        while (dims < raw.length() && raw.charAt(dims) == '[') {
            dims++;
        }
        String base = raw.substring(dims);
        if (dims > 0) {
            base = switch (base) {
                case "Z" -> "boolean";
                case "C" -> "char";
                case "F" -> "float";
                case "D" -> "double";
                case "B" -> "byte";
                case "S" -> "short";
                case "I" -> "int";
                case "J" -> "long";
                default -> base.startsWith("L") && base.endsWith(";") ? base.substring(1, base.length() - 1) : base;
            };
        }
        StringBuilder name = new StringBuilder(base.replace('/', '.'));
        name.append("[]".repeat(dims));
        return name.toString();
    }
}
