package dev.memprobe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.BisectEngine;
import dev.memprobe.provider.MemprobeProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * memprobe opens no door into the machine it runs on. The provider, which runs inside the user's test JVM, listens on
 * no socket (no server socket, no datagram socket, no JDK HTTP server); neither module starts a program: memprobe
 * reaches processes only through {@link ProcessHandle} (signals, {@code /proc}), never through {@code Runtime.exec}
 * or {@link ProcessBuilder}. Read from the compiled classes' constant pools, which name every type a class uses and
 * every method it calls; each check is shown to catch a class compiled here that does what it forbids.
 */
class NoListenerNoShellTest {

    /** Types that listen or receive: a server socket, a datagram socket (multicast too), the JDK's HTTP server. */
    private static final List<String> LISTENERS = List.of(
            "java/net/ServerSocket",
            "java/nio/channels/ServerSocketChannel",
            "java/nio/channels/AsynchronousServerSocketChannel",
            "java/net/DatagramSocket",
            "java/net/MulticastSocket",
            "java/nio/channels/DatagramChannel",
            "com/sun/net/httpserver/");

    @Test
    void theProviderListensOnNoSocket() throws Exception {
        List<Path> classes = classFiles(MemprobeProvider.class);
        assertThat(classes).as("the provider's classes").hasSizeGreaterThan(20);

        assertThat(listeners(classes)).isEmpty();
    }

    @Test
    void neitherModuleStartsAProgram() throws Exception {
        List<Path> classes = new ArrayList<>(classFiles(BisectEngine.class));
        assertThat(classes).as("the plugin's classes").hasSizeGreaterThan(80);
        classes.addAll(classFiles(MemprobeProvider.class));

        assertThat(programStarts(classes)).isEmpty();
    }

    @Test
    void theListenerCheckCatchesAServerSocketAnHttpServerAndADatagramSocket(@TempDir Path root) throws Exception {
        List<Path> classes = compile(
                root,
                "class Serves { Object open() throws Exception { return new java.net.ServerSocket(0); } }",
                "class Channels { void open() throws Exception {"
                        + " java.nio.channels.ServerSocketChannel.open().close(); } }",
                "class Http { void open() throws Exception {"
                        + " com.sun.net.httpserver.HttpServer.create().start(); } }",
                "class Receives { void receive(java.net.DatagramSocket socket) {} }",
                "class Connects { Object connect() throws Exception { return new java.net.Socket(); } }");

        assertThat(listeners(classes))
                .containsExactly(
                        "Channels.class uses java/nio/channels/ServerSocketChannel",
                        "Http.class uses com/sun/net/httpserver/HttpServer",
                        "Receives.class uses java/net/DatagramSocket",
                        "Serves.class uses java/net/ServerSocket");
    }

    @Test
    void theProgramCheckCatchesRuntimeExecAndProcessBuilderButNotProcessHandle(@TempDir Path root) throws Exception {
        List<Path> classes = compile(
                root,
                "class Execs { void run() throws Exception { Runtime.getRuntime().exec(new String[] {\"true\"}); } }",
                "class Builds { void run() throws Exception { new ProcessBuilder(\"true\").inheritIO(); } }",
                "class Refers { interface Start { Process start(String command) throws java.io.IOException; }"
                        + " Start start() { return Runtime.getRuntime()::exec; } }",
                "class Counts { int cores() { return Runtime.getRuntime().availableProcessors(); } }",
                "class Signals { void kill(long pid) { ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy); } }");

        assertThat(programStarts(classes))
                .containsExactly(
                        "Builds.class uses java/lang/ProcessBuilder",
                        "Execs.class calls java/lang/Runtime.exec",
                        "Refers.class calls java/lang/Runtime.exec");
    }

    private static List<String> listeners(List<Path> classes) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : classes) {
            ConstantPool pool = ConstantPool.read(Files.readAllBytes(file));
            for (String listener : LISTENERS) {
                pool.typesStartingWith(listener).stream()
                        .filter(type -> listener.endsWith("/") || type.equals(listener))
                        .forEach(type -> found.add(name(file) + " uses " + type));
            }
        }
        return found.stream().sorted().toList();
    }

    private static List<String> programStarts(List<Path> classes) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : classes) {
            ConstantPool pool = ConstantPool.read(Files.readAllBytes(file));
            pool.typesStartingWith("java/lang/ProcessBuilder").stream()
                    .map(type -> name(file) + " uses " + type)
                    .distinct()
                    .forEach(found::add);
            pool.members().stream()
                    .filter(member -> member.equals("java/lang/Runtime.exec"))
                    .distinct()
                    .forEach(member -> found.add(name(file) + " calls " + member));
        }
        return found.stream().sorted().toList();
    }

    /** Compiles each source (a top-level class of the default package) into {@code root}; returns the class files. */
    private static List<Path> compile(Path root, String... sources) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-d", root.toString(), "-proc:none"));
        for (String source : sources) {
            String name = source.substring("class ".length(), source.indexOf(' ', "class ".length()));
            Path file = root.resolve("src").resolve(name + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source, StandardCharsets.UTF_8);
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new)))
                .as("javac compiles the examples")
                .isZero();
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    /** Every class file under {@code dev/memprobe} of the folder or jar {@code anchor} was loaded from. */
    private static List<Path> classFiles(Class<?> anchor) throws IOException, URISyntaxException {
        Path location = Paths.get(
                anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root;
        if (Files.isDirectory(location)) {
            root = location;
        } else {
            URI jar = URI.create("jar:" + location.toUri());
            FileSystem fs;
            try {
                fs = FileSystems.getFileSystem(jar);
            } catch (FileSystemNotFoundException e) {
                fs = FileSystems.newFileSystem(jar, Map.of());
            }
            root = fs.getPath("/");
        }
        try (Stream<Path> files = Files.walk(root.resolve("dev/memprobe"))) {
            return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static String name(Path classFile) {
        String path = classFile.toString().replace('\\', '/');
        int at = path.lastIndexOf("dev/memprobe/");
        return at >= 0 ? path.substring(at) : classFile.getFileName().toString();
    }
}
