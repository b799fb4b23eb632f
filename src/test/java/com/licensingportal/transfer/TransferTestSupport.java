package com.licensingportal.transfer;

import java.util.List;
import java.util.UUID;

import com.licensingportal.account.Account;
import com.licensingportal.license.LicenseEvent;
import com.licensingportal.license.LicenseEventRepository;
import com.licensingportal.license.LicenseEventType;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemRepository;
import com.licensingportal.license.Product;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * What the transfer tests share: a partner (with an administrator and a user) selling to a related customer
 * (with an administrator), an unrelated customer (with an administrator), a product and the partner's
 * 20-channel bulk license. Everything has unique names; nothing is added to the shared context.
 */
abstract class TransferTestSupport extends PortalIntegrationTest {

	@Autowired
	protected ApplicationContext context;

	@Autowired
	protected ProcessEngine engine;

	@Autowired
	protected RuntimeService runtime;

	@Autowired
	protected TaskService taskService;

	@Autowired
	protected ManagementService management;

	@Autowired
	protected TransferService transfers;

	@Autowired
	protected TransferExecution execution;

	@Autowired
	protected ChannelTransferRepository transferRows;

	@Autowired
	protected LineItemRepository lineItems;

	@Autowired
	protected LicenseEventRepository events;

	@Autowired
	protected JdbcTemplate jdbc;

	protected LicenseFixtures fixtures;

	protected Account partner;

	protected Account customer;

	protected Account unrelated;

	protected PortalUser partnerAdmin;

	protected PortalUser partnerUser;

	protected PortalUser customerAdmin;

	protected PortalUser unrelatedAdmin;

	protected Product product;

	protected LineItem bulk;

	@BeforeEach
	void transferFixtures() {
		init(this.engine);
		this.fixtures = new LicenseFixtures(this.context);
		this.customer = this.fixtures.customer(LicenseFixtures.unique("Juniper Clinics"));
		this.unrelated = this.fixtures.customer(LicenseFixtures.unique("Kestrel Foods"));
		this.partner = this.fixtures.partnerOf(LicenseFixtures.unique("Larch Integrators"), this.customer);
		this.partnerAdmin = this.fixtures.user("ladmin", this.partner, UserType.PARTNER_ADMINISTRATOR);
		this.partnerUser = this.fixtures.user("luser", this.partner, UserType.PARTNER_USER);
		this.customerAdmin = this.fixtures.user("jadmin", this.customer, UserType.CUSTOMER_ADMINISTRATOR);
		this.unrelatedAdmin = this.fixtures.user("kadmin", this.unrelated, UserType.CUSTOMER_ADMINISTRATOR);
		this.product = this.fixtures.product("TRF");
		this.bulk = this.fixtures.lineItem(this.partner, this.product, 20, null);
	}

	/** A transfer request as the page or the API makes it, with a fresh idempotency key. */
	protected static TransferRequest request(LineItem item, int amount, Account target) {
		return new TransferRequest(item.getActivationId(), amount, target.getAccountNumber(), null, null,
				UUID.randomUUID().toString());
	}

	protected static TransferRequest addTo(LineItem item, int amount, Account target, LineItem addTo) {
		return new TransferRequest(item.getActivationId(), amount, target.getAccountNumber(), null, addTo.getActivationId(),
				UUID.randomUUID().toString());
	}

	protected ChannelTransfer requested(PortalUser user, TransferRequest request) {
		return this.transfers.request(user.getId(), request).transfer();
	}

	/** Disables the account, as Order Management does in the back office. */
	protected void disable(Account account) {
		com.licensingportal.account.AccountRepository accounts = this.context
			.getBean(com.licensingportal.account.AccountRepository.class);
		Account disabled = accounts.findById(account.getId()).orElseThrow();
		disabled.setStatus(com.licensingportal.account.AccountStatus.DISABLED);
		accounts.save(disabled);
	}

	protected ChannelTransfer row(ChannelTransfer transfer) {
		return this.transferRows.findByTransferNumber(transfer.getTransferNumber()).orElseThrow();
	}

	protected ProcessInstance processOf(ChannelTransfer transfer) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceId(row(transfer).getProcessInstanceId())
			.singleResult();
	}

	protected String processInstanceId(ChannelTransfer transfer) {
		return row(transfer).getProcessInstanceId();
	}

	protected LineItem reload(LineItem item) {
		return this.lineItems.findById(item.getId()).orElseThrow();
	}

	protected LineItem byActivationId(String activationId) {
		return this.lineItems.findWithDetailsByActivationId(activationId).orElseThrow();
	}

	protected List<LicenseEventType> trail(LineItem item) {
		return this.events.findByLineItemIdOrderByOccurredAtAscIdAsc(item.getId())
			.stream()
			.map(LicenseEvent::getType)
			.toList();
	}

	/** One event a transfer wrote. */
	protected record TransferEvent(LicenseEventType type, long lineItemId, int quantity, String actor) {
	}

	protected List<TransferEvent> eventsOf(ChannelTransfer transfer) {
		return this.jdbc.query("select event_type, line_item_id, quantity, actor from license_event where reference = ? order by id",
				(rs, n) -> new TransferEvent(LicenseEventType.valueOf(rs.getString(1)), rs.getLong(2), rs.getInt(3),
						rs.getString(4)),
				transfer.getTransferNumber());
	}

}
