package dev.memprobe.report.html;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves a folder on the loopback address as a CI server would host a build's artifacts: each response with the
 * Content-Security-Policy Jenkins sends by default for them ({@code default-src 'self'}, sandboxing left out so that
 * the page's own script may run, as with Jenkins' common relaxed setting). For the browser tests only.
 */
final class PageServer implements AutoCloseable {

    static final String POLICY = "default-src 'self'";

    private final HttpServer server;
    private final Path folder;

    private PageServer(HttpServer server, Path folder) {
        this.server = server;
        this.folder = folder.toAbsolutePath().normalize();
    }

    static PageServer serve(Path folder) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        PageServer pages = new PageServer(server, folder);
        server.createContext("/", pages::handle);
        server.start();
        return pages;
    }

    /** The URL of {@code name} in the folder. */
    String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Path file =
                folder.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
        exchange.getResponseHeaders().add("Content-Security-Policy", POLICY);
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        String name = file.getFileName().toString();
        String type = name.endsWith(".html")
                ? "text/html; charset=utf-8"
                : name.endsWith(".css")
                        ? "text/css; charset=utf-8"
                        : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/plain; charset=utf-8";
        exchange.getResponseHeaders().add("Content-Type", type);
        byte[] body = Files.readAllBytes(file);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
