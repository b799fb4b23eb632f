package com.licensingportal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	/** The portal's front door is List Entitlements; Camunda lives at /camunda. */
	@GetMapping("/")
	String home() {
		return "redirect:/entitlements";
	}

}
