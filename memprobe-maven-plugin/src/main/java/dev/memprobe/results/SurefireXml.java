package dev.memprobe.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads one of Surefire's XML reports ({@code TEST-<class>.xml}, one {@code <testsuite>} of {@code <testcase>}s):
 * the counts and every failed or errored test. With the JDK's parser, no document type and no external entity.
 */
final class SurefireXml {

    private SurefireXml() {}

    /** A class's counts and failed tests, as its report says. */
    record Suite(int tests, int failures, int errors, int skipped, List<FailedTest> failed) {
        Suite {
            failed = List.copyOf(failed);
        }
    }

    static Suite read(Path file) throws IOException {
        Document document;
        try (InputStream in = Files.newInputStream(file)) {
            document = builder().parse(in);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException(file + " is not a Surefire report Maven can read: " + e.getMessage(), e);
        }
        Element suite = document.getDocumentElement();
        List<FailedTest> failed = new ArrayList<>();
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            for (Node child = testcase.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element problem
                        && (problem.getTagName().equals("failure")
                                || problem.getTagName().equals("error"))) {
                    failed.add(new FailedTest(
                            attribute(testcase, "classname", attribute(suite, "name", "")),
                            attribute(testcase, "name", ""),
                            problem.getTagName().equals("error"),
                            attribute(problem, "type", null),
                            attribute(problem, "message", null),
                            problem.getTextContent() == null ? "" : problem.getTextContent()));
                    break;
                }
            }
        }
        return new Suite(
                count(suite, "tests"),
                count(suite, "failures"),
                count(suite, "errors"),
                count(suite, "skipped"),
                failed);
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return builder;
    }

    private static String attribute(Element element, String name, String fallback) {
        return element.hasAttribute(name) ? element.getAttribute(name) : fallback;
    }

    private static int count(Element element, String name) {
        try {
            return Integer.parseInt(element.getAttribute(name).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
