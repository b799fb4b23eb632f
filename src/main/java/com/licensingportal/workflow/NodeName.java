package com.licensingportal.workflow;

import com.licensingportal.base.PortalProperties;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The name of this portal node ({@code PORTAL_NODE_NAME}), as the engine writes it into the job log beside
 * every job it ran: with more than one node, Cockpit then says which node ran a job or met its incident.
 * Without a name the engine takes the machine's address, the same for nodes that share a host.
 */
@Component
class NodeName extends AbstractProcessEnginePlugin {

	private final String name;

	NodeName(PortalProperties portal) {
		this.name = portal.nodeName();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (!this.name.isEmpty()) {
			configuration.setHostname(this.name);
		}
	}

}
