package dev.memprobe;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a class file's constant pool names: every type it uses (in class entries, descriptors and signatures) and
 * every method or field it refers to, as {@code owner.name}. A class cannot call or name anything that is not there.
 */
record ConstantPool(List<String> texts, List<String> members) {

    /** Every text ({@code CONSTANT_Utf8}) that holds {@code prefix}, cut at the end of the type name. */
    TreeSet<String> typesStartingWith(String prefix) {
        TreeSet<String> types = new TreeSet<>();
        for (String text : texts) {
            int at = text.indexOf(prefix);
            while (at >= 0) {
                int end = at;
                while (end < text.length() && ";<>()[".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                types.add(text.substring(at, end));
                at = text.indexOf(prefix, end);
            }
        }
        return types;
    }

    static ConstantPool read(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Map<Integer, String> utf8 = new HashMap<>();
        Map<Integer, Integer> classes = new HashMap<>(); // Class -> its name's Utf8
        Map<Integer, Integer> nameAndTypes = new HashMap<>(); // NameAndType -> its name's Utf8
        List<int[]> refs = new ArrayList<>(); // Fieldref, Methodref, InterfaceMethodref: {class, nameAndType}
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8.put(i, in.readUTF());
                case 7 -> classes.put(i, in.readUnsignedShort());
                case 12 -> {
                    nameAndTypes.put(i, in.readUnsignedShort());
                    in.skipBytes(2);
                }
                case 9, 10, 11 -> refs.add(new int[] {in.readUnsignedShort(), in.readUnsignedShort()});
                case 3, 4 -> in.skipBytes(4); // Integer, Float
                case 5, 6 -> { // Long, Double take two slots
                    in.skipBytes(8);
                    i++;
                }
                case 8, 16, 19, 20 -> in.skipBytes(2); // String, MethodType, Module, Package
                case 17, 18 -> in.skipBytes(4); // Dynamic, InvokeDynamic
                case 15 -> in.skipBytes(3); // MethodHandle (points at a ref above)
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        List<String> members = new ArrayList<>();
        for (int[] ref : refs) {
            members.add(utf8.get(classes.get(ref[0])) + "." + utf8.get(nameAndTypes.get(ref[1])));
        }
        return new ConstantPool(List.copyOf(utf8.values()), List.copyOf(members));
    }
}
