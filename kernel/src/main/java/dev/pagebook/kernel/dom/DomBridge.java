package dev.pagebook.kernel.dom;

import java.util.List;

/**
 * The page behind the {@code pyscript} module's {@code document}, {@code window} and
 * {@code pyscript.web}. The app implements it over its preview WebView; batch runs use
 * {@link HeadlessDomBridge} over the notebook's own HTML.
 *
 * <p>Elements are named by opaque handles the bridge chooses (stable for the element's life).
 * Every method is called on the kernel thread while a cell or an event handler runs; an
 * implementation that must touch a UI thread blocks until that thread has answered. A method
 * given an unknown handle throws {@link IllegalArgumentException}; Python sees it as an error.
 */
public interface DomBridge {

    /** Handles of the elements matching {@code cssSelector} in document order, within {@code scope} (null: the document). */
    List<String> select(String scope, String cssSelector);

    /** A new element, not yet in the document. */
    String createElement(String tagName);

    /**
     * One of the element properties {@code innerHTML}, {@code outerHTML} (read only),
     * {@code textContent}, {@code innerText}, {@code value}, {@code id}, {@code tagName} (read
     * only, upper case), {@code className}; null if the property does not apply.
     */
    String getProperty(String handle, String name);

    void setProperty(String handle, String name, String value);

    /** null when absent. */
    String getAttribute(String handle, String name);

    void setAttribute(String handle, String name, String value);

    void removeAttribute(String handle, String name);

    /** Moves {@code child} (new or already placed) to the end of {@code parent}. */
    void appendChild(String parent, String child);

    /** Inserts {@code node} before {@code reference}, which must be a child of {@code parent}. */
    void insertBefore(String parent, String node, String reference);

    void removeElement(String handle);

    /** null for the root or a detached element. */
    String parent(String handle);

    List<String> children(String handle);

    boolean matches(String handle, String cssSelector);

    /**
     * Python has a handler for {@code eventType} on this element ({@code @when}); the bridge
     * arranges that such events reach {@code Kernel.dispatchEvent(handle, eventType, sink)}.
     * Elements carrying a {@code py-<event>} attribute (e.g. {@code py-click="fn"}) must be
     * forwarded too, without a call to this method.
     */
    void listen(String handle, String eventType);

    /** {@code window.location.href}, {@code document.title} and similar read-only page facts; null if unknown. */
    String pageProperty(String name);

    /** {@code console.log} / {@code window.alert}: {@code kind} is "log", "warn", "error" or "alert". */
    void message(String kind, String text);
}
