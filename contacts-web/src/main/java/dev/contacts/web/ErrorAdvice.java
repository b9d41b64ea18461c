package dev.contacts.web;

import dev.contacts.ConflictException;
import dev.contacts.ContactsException;
import dev.contacts.NotConfiguredException;
import dev.contacts.NotFoundException;
import dev.contacts.StoreException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure becomes a page in plain words: the SDK's typed errors say what to do, other
 * failures say that something went wrong and are logged. Never a stack trace.
 */
@ControllerAdvice
class ErrorAdvice {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), model, response);
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, "Not done: it conflicts with the stored data",
                e.getMessage() + " (if someone changed it meanwhile, go back, reload the page and try again)", model, response);
    }

    @ExceptionHandler(NotConfiguredException.class)
    String notConfigured(NotConfiguredException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_IMPLEMENTED, "Not available in this application", e.getMessage(), model, response);
    }

    @ExceptionHandler(StoreException.class)
    String store(StoreException e, Model model, HttpServletResponse response) {
        LOG.error("store failure", e);
        return page(HttpStatus.SERVICE_UNAVAILABLE, "The database did not answer",
                "The contacts store failed; try again in a moment. The details are in the application's log.", model, response);
    }

    @ExceptionHandler(ContactsException.class)
    String invalid(ContactsException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "That cannot be done", e.getMessage(), model, response);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
        IllegalArgumentException.class})
    String badRequest(Exception e, Model model, HttpServletResponse response) {
        LOG.debug("bad request", e);
        return page(HttpStatus.BAD_REQUEST, "That request is incomplete",
                "A field of the form is missing or not in the expected form. Go back and check the form.", model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.PAYLOAD_TOO_LARGE, "The file is too large",
                "The files sent are larger than this application accepts. Send a smaller file.", model, response);
    }

    @ExceptionHandler(MultipartException.class)
    String multipart(MultipartException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "The upload was not received",
                "The files could not be read from the form. Try sending them again.", model, response);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    String method(HttpRequestMethodNotSupportedException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.METHOD_NOT_ALLOWED, "Not a page", "This address is for forms only.", model, response);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    String noPage(NoResourceFoundException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, "Not found", "There is no page at this address.", model, response);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        LOG.error("unexpected failure", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The application failed on an unexpected error. It is logged; try again, or go back to the list.", model, response);
    }

    static String page(HttpStatus status, String title, String message, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "problem";
    }
}
