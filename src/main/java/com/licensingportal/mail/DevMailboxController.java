package com.licensingportal.mail;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The captured emails of the embedded default; absent wherever mail really goes out. */
@Controller
@ConditionalOnProperty(name = "portal.mail.capture", havingValue = "true")
class DevMailboxController {

	static final String VIEW_LIST = "mail/mailbox";

	static final String VIEW_MESSAGE = "mail/message";

	private final CapturedMailbox mailbox;

	DevMailboxController(CapturedMailbox mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping("/dev/mailbox")
	String list(Model model) {
		model.addAttribute("mails", this.mailbox.all());
		return VIEW_LIST;
	}

	@GetMapping("/dev/mailbox/{id}")
	String message(@PathVariable long id, Model model) {
		CapturedMailbox.CapturedMail mail = this.mailbox.find(id);
		if (mail == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("mail", mail);
		return VIEW_MESSAGE;
	}

	@GetMapping(path = "/dev/mailbox.json", produces = "application/json")
	@ResponseBody
	List<CapturedMailbox.CapturedMail> json() {
		return this.mailbox.all();
	}

}
