package dev.pagebook.kernel.dom;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A {@link DomBridge} over a jsoup copy of the notebook page, for batch runs: cells that read
 * and write the page work as in the app, and every change is {@linkplain DomChangeLog logged}
 * per element id so the kernel can save it as the cell's output. The page's own file is never
 * written by this class.
 */
public final class HeadlessDomBridge implements DomBridge, DomChangeLog {

    private final Document document;
    private final Map<Element, String> handles = new IdentityHashMap<>();
    private final Map<String, Element> elements = new LinkedHashMap<>();
    private final Set<Element> changed = new LinkedHashSet<>();
    private final Map<String, Set<String>> listening = new LinkedHashMap<>();
    private final BiConsumer<String, String> messages;

    /** {@code messages} receives console.log/alert calls as (kind, text). */
    public HeadlessDomBridge(String html, String location, BiConsumer<String, String> messages) {
        this.document = Jsoup.parse(html, location == null ? "" : location);
        // Inner HTML goes back into saved outputs: keep it as written, not re-indented.
        this.document.outputSettings().prettyPrint(false);
        this.messages = messages;
    }

    public Document document() {
        return document;
    }

    /** Event types Python listens for on {@code handle} (for tests and for firing events). */
    public Set<String> listenedEvents(String handle) {
        return listening.getOrDefault(handle, Set.of());
    }

    private String handle(Element element) {
        return handles.computeIfAbsent(element, e -> {
            String h = "h" + (elements.size() + 1);
            elements.put(h, e);
            return h;
        });
    }

    private Element element(String handle) {
        Element e = elements.get(handle);
        if (e == null) {
            throw new IllegalArgumentException("no element with handle " + handle);
        }
        return e;
    }

    private void touched(Element e) {
        changed.add(e);
    }

    @Override
    public List<String> select(String scope, String cssSelector) {
        Element root = scope == null ? document : element(scope);
        List<String> result = new ArrayList<>();
        for (Element e : root.select(cssSelector)) {
            if (scope == null || e != root) {
                result.add(handle(e));
            }
        }
        return result;
    }

    @Override
    public String createElement(String tagName) {
        return handle(document.createElement(tagName));
    }

    @Override
    public String getProperty(String handle, String name) {
        Element e = element(handle);
        return switch (name) {
            case "innerHTML" -> e.html();
            case "outerHTML" -> e.outerHtml();
            case "textContent" -> e.wholeText();
            case "innerText" -> e.text();
            case "value" -> e.hasAttr("value") ? e.attr("value") : e.is("textarea") ? e.wholeText() : "";
            case "id" -> e.id();
            case "tagName" -> e.tagName().toUpperCase(java.util.Locale.ROOT);
            case "className" -> e.className();
            default -> null;
        };
    }

    @Override
    public void setProperty(String handle, String name, String value) {
        Element e = element(handle);
        switch (name) {
            case "innerHTML" -> e.html(value);
            case "textContent", "innerText" -> e.text(value);
            case "value" -> {
                if (e.is("textarea")) {
                    e.text(value);
                } else {
                    e.attr("value", value);
                }
            }
            case "id" -> e.attr("id", value);
            case "className" -> e.attr("class", value);
            default -> throw new IllegalArgumentException("cannot set property " + name);
        }
        touched(e);
    }

    @Override
    public String getAttribute(String handle, String name) {
        Element e = element(handle);
        return e.hasAttr(name) ? e.attr(name) : null;
    }

    @Override
    public void setAttribute(String handle, String name, String value) {
        Element e = element(handle);
        e.attr(name, value);
        touched(e);
    }

    @Override
    public void removeAttribute(String handle, String name) {
        Element e = element(handle);
        e.removeAttr(name);
        touched(e);
    }

    @Override
    public void appendChild(String parent, String child) {
        Element p = element(parent);
        p.appendChild(element(child));
        touched(p);
    }

    @Override
    public void insertBefore(String parent, String node, String reference) {
        Element p = element(parent);
        Element ref = element(reference);
        if (ref.parent() != p) {
            throw new IllegalArgumentException("the reference element is not a child of the parent");
        }
        ref.before(element(node));
        touched(p);
    }

    @Override
    public void removeElement(String handle) {
        Element e = element(handle);
        Element parent = e.parent();
        e.remove();
        if (parent != null) {
            touched(parent);
        }
    }

    @Override
    public String parent(String handle) {
        Element p = element(handle).parent();
        return p == null || p == document ? null : handle(p);
    }

    @Override
    public List<String> children(String handle) {
        return element(handle).children().stream().map(this::handle).toList();
    }

    @Override
    public boolean matches(String handle, String cssSelector) {
        return element(handle).is(cssSelector);
    }

    @Override
    public void listen(String handle, String eventType) {
        listening.computeIfAbsent(handle, h -> new LinkedHashSet<>()).add(eventType);
    }

    @Override
    public String pageProperty(String name) {
        return switch (name) {
            case "title" -> document.title();
            case "location.href" -> document.location();
            default -> null;
        };
    }

    @Override
    public void message(String kind, String text) {
        messages.accept(kind, text);
    }

    /**
     * For each changed element still in the page, its nearest ancestor-or-self with an id
     * (elements without one are not addressable in the saved page and are left out).
     */
    @Override
    public Map<String, String> drainChanges() {
        Map<String, String> result = new LinkedHashMap<>();
        for (Element e : changed) {
            Element anchor = e;
            while (anchor != null && anchor != document && anchor.id().isEmpty()) {
                anchor = anchor.parent();
            }
            if (anchor != null && anchor != document && anchor.ownerDocument() == document
                    && !result.containsKey(anchor.id())) {
                result.put(anchor.id(), anchor.html());
            }
        }
        changed.clear();
        // An ancestor's record already holds its changed descendants.
        result.keySet().removeIf(id -> result.keySet().stream().anyMatch(other -> !other.equals(id)
                && document.getElementById(other) != null
                && document.getElementById(other).selectFirst("[id=" + cssQuote(id) + "]") != null));
        return result;
    }

    private static String cssQuote(String id) {
        return "'" + id.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
