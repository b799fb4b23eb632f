package com.licensingportal.backoffice;

import com.licensingportal.backoffice.OrderManagementDirectory.StaffMember;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts who is signed in to the back office, and how many tasks wait in Tasklist, into every back-office page. */
@ControllerAdvice(basePackages = "com.licensingportal.backoffice")
class BackOfficeAdvice {

	/** What the layout needs for the back office's header and side menu. */
	public record BackOfficeUserView(String userId, String displayName, long tasksWaiting) {
	}

	private final OrderManagementDirectory staff;

	BackOfficeAdvice(OrderManagementDirectory staff) {
		this.staff = staff;
	}

	@ModelAttribute("backOfficeUser")
	BackOfficeUserView backOfficeUser(HttpServletRequest request) {
		if (!(request.getAttribute(BackOfficeSecurity.StillInTheGroup.STAFF_MEMBER) instanceof StaffMember member)
				|| request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return null;
		}
		return new BackOfficeUserView(member.userId(), member.displayName(), this.staff.tasksWaiting());
	}

}
